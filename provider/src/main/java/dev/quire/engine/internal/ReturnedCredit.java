package dev.quire.engine.internal;

import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The credit consumers give back as their applications take deliveries, passed to the engine beside its
 * command queue rather than through it. A consumer whose buffer ran dry waits for this credit to come
 * back before the engine hands it more; behind a queue of sends (an asynchronous producer hundreds of
 * messages ahead) a credit command waited hundreds of microseconds, which capped a consumer at its
 * prefetch window per wait. Here the engine picks credit up before every dispatch.
 * <p>
 * Each open consumer has a counter: giving adds to it and, when it was zero, posts the counter for the
 * engine, so a burst of credits costs one post. The engine takes each posted counter's whole amount.
 */
public final class ReturnedCredit
{
    private final ConcurrentHashMap<Long, Counter> counters = new ConcurrentHashMap<>();
    private final ManyToOneConcurrentLinkedQueue<Counter> posted = new ManyToOneConcurrentLinkedQueue<>();

    /**
     * Starts taking credit for a consumer as it opens, on the engine thread, before anyone knows its id.
     * Credit given to it after {@link #close(long)} is dropped, as the engine would drop it.
     */
    public void open(final long consumerId)
    {
        counters.put(consumerId, new Counter(consumerId));
    }

    /**
     * Stops taking credit for a consumer that closed (on its own or with its session); on the engine thread.
     */
    public void close(final long consumerId)
    {
        counters.remove(consumerId);
    }

    /**
     * Gives a consumer credit; any thread. Credit for a consumer that is not open is dropped.
     */
    public void give(final long consumerId, final int credit)
    {
        final Counter counter = counters.get(consumerId);
        if (counter != null && counter.getAndAdd(credit) == 0)
        {
            posted.offer(counter);
        }
    }

    /**
     * Hands the credit given since the last call to the engine; on the engine thread.
     *
     * @param engine where it goes.
     * @return how many consumers had credit.
     */
    int drainTo(final Taker engine)
    {
        int consumers = 0;
        Counter counter;
        while ((counter = posted.poll()) != null)
        {
            final int credit = counter.getAndSet(0);
            if (credit > 0)
            {
                engine.addCredit(counter.consumerId, credit);
                consumers++;
            }
        }
        return consumers;
    }

    /**
     * What takes the credit: the engine.
     */
    @FunctionalInterface
    interface Taker
    {
        /**
         * @param consumerId the consumer.
         * @param credit     how many more deliveries it may receive.
         */
        void addCredit(long consumerId, int credit);
    }

    private static final class Counter extends AtomicInteger
    {
        private static final long serialVersionUID = 1L;

        private final long consumerId;

        Counter(final long consumerId)
        {
            this.consumerId = consumerId;
        }
    }
}
