package dev.quire.jms;

import dev.quire.engine.Delivery;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A consumer's prefetch buffer: the engine thread adds deliveries, the application's thread takes them.
 * Adding never takes a lock or wakes anyone: the engine calls {@link #wakeWaiter()} once after a round of
 * work, which unparks the taker only when it is parked, so a busy consumer costs the engine no system call
 * per message. A taker that finds the buffer empty spins briefly before it parks, because on a busy broker
 * the next delivery is usually microseconds away.
 */
final class DeliveryBuffer
{
    private static final int SPINS = 100;

    private final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private volatile Thread waiter;

    /**
     * Adds a delivery at the end; {@link #wakeWaiter()} tells the taker.
     */
    void add(final Delivery delivery)
    {
        deliveries.offer(delivery);
    }

    /**
     * @return the first delivery, or null when there is none.
     */
    Delivery poll()
    {
        return deliveries.poll();
    }

    /**
     * Takes the first delivery, waiting up to {@code timeoutNanos} for one to arrive. Returns early, with
     * null, when {@link #wakeWaiter()} is called or the thread is interrupted.
     *
     * @return the delivery, or null.
     */
    Delivery poll(final long timeoutNanos)
    {
        Delivery delivery = deliveries.poll();
        for (int i = 0; delivery == null && i < SPINS; i++)
        {
            Thread.onSpinWait();
            delivery = deliveries.poll();
        }
        if (delivery != null || timeoutNanos <= 0)
        {
            return delivery;
        }
        waiter = Thread.currentThread();
        try
        {
            delivery = deliveries.poll();
            if (delivery == null && !Thread.currentThread().isInterrupted())
            {
                LockSupport.parkNanos(this, timeoutNanos);
                delivery = deliveries.poll();
            }
            return delivery;
        }
        finally
        {
            waiter = null;
        }
    }

    /**
     * Wakes the thread waiting in {@link #poll(long)}, if any (a delivery arrived, or the consumer closed).
     */
    void wakeWaiter()
    {
        final Thread thread = waiter;
        if (thread != null)
        {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Removes every buffered delivery and hands each to {@code sink}, oldest first.
     */
    void drain(final Consumer<Delivery> sink)
    {
        Delivery delivery;
        while ((delivery = deliveries.poll()) != null)
        {
            sink.accept(delivery);
        }
    }
}
