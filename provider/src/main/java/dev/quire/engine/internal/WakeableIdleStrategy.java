package dev.quire.engine.internal;

import org.agrona.concurrent.IdleStrategy;

import java.util.concurrent.locks.LockSupport;

/**
 * Spins, then yields, then parks for at most a millisecond; a thread that hands the engine work calls
 * {@link #wake()}, which unparks it at once when it is parked. Keeps an idle broker cheap and a busy
 * one responsive on a machine with few cores.
 */
public final class WakeableIdleStrategy implements IdleStrategy
{
    private static final int SPINS = 64;
    private static final int YIELDS = 8;
    private static final long MAX_PARK_NANOS = 1_000_000;

    private volatile Thread owner;
    private volatile boolean parked;
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
            parked = true;
            LockSupport.parkNanos(this, MAX_PARK_NANOS);
            parked = false;
        }
    }

    @Override
    public void reset()
    {
        idleCount = 0;
    }

    /**
     * Unparks the owning thread when it is parked.
     */
    public void wake()
    {
        final Thread thread = owner;
        if (parked && thread != null)
        {
            LockSupport.unpark(thread);
        }
    }
}
