package dev.quire.engine.internal;

import org.agrona.concurrent.IdleStrategy;

import java.util.concurrent.locks.LockSupport;

/**
 * Spins, then yields, then parks for at most a millisecond; a thread that hands the engine work calls
 * {@link #wake()}, which unparks it at once when it is parking. Keeps an idle broker cheap and a busy
 * one responsive on a machine with few cores.
 * <p>
 * The parking phase lasts from the first park until work is found again, not just while the thread is
 * inside {@code park}: work handed over between the engine's last look at its queue and its next park
 * then leaves an unpark permit, and that park returns at once instead of sleeping a millisecond.
 */
public final class WakeableIdleStrategy implements IdleStrategy
{
    private static final int SPINS = 300;
    private static final int YIELDS = 8;
    private static final long MAX_PARK_NANOS = 1_000_000;

    private volatile Thread owner;
    private volatile boolean parking;
    private int idleCount;

    @Override
    public void idle(final int workCount)
    {
        if (workCount > 0)
        {
            reset();
        }
        else
        {
            idle();
        }
    }

    @Override
    public void idle()
    {
        if (owner == null)
        {
            owner = Thread.currentThread();
        }
        idleCount++;
        if (idleCount <= SPINS)
        {
            Thread.onSpinWait();
        }
        else if (idleCount <= SPINS + YIELDS)
        {
            Thread.yield();
        }
        else
        {
            parking = true;
            LockSupport.parkNanos(this, MAX_PARK_NANOS);
        }
    }

    @Override
    public void reset()
    {
        idleCount = 0;
        if (parking)
        {
            parking = false;
        }
    }

    /**
     * Unparks the owning thread when it is parking (or leaves it a permit for its next park).
     */
    public void wake()
    {
        final Thread thread = owner;
        if (parking && thread != null)
        {
            LockSupport.unpark(thread);
        }
    }
}
