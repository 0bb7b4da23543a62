package dev.quire.engine;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A thread that parks until it is unparked, for tests of who wakes it and when.
 */
public final class ParkedThread implements AutoCloseable
{
    private final CountDownLatch woken = new CountDownLatch(1);
    private final Thread thread = new Thread(this::parkUntilWoken, "parked-for-test");

    /**
     * Starts the thread and waits until it is parked.
     */
    public ParkedThread()
    {
        thread.setDaemon(true);
        thread.start();
        while (thread.getState() != Thread.State.WAITING)
        {
            Thread.onSpinWait();
        }
    }

    /**
     * @return the parked thread.
     */
    public Thread thread()
    {
        return thread;
    }

    /**
     * Waits up to {@code timeout} for the thread to be woken.
     *
     * @return true when it was woken (when the waiting thread is interrupted: whether it was woken by then).
     */
    public boolean wokenWithin(final Duration timeout)
    {
        try
        {
            return woken.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return woken.getCount() == 0;
        }
    }

    private void parkUntilWoken()
    {
        LockSupport.park(this);
        woken.countDown();
    }

    @Override
    public void close()
    {
        LockSupport.unpark(thread);
    }
}
