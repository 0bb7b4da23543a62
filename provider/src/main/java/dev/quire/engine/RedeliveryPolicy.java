package dev.quire.engine;

/**
 * How a destination handles a failed delivery (rollback, recover, a consumer's failure report): when
 * the message comes back, and after how many attempts it goes to the dead-letter queue.
 * <p>
 * The delay before redelivery {@code n} (n = 1 for the first redelivery) is
 * {@code min(maxDelay, initialDelay * multiplier^(n-1))}, then spread by up to {@code ±jitter} of itself.
 *
 * @param initialDelayMillis the delay before the first redelivery.
 * @param multiplier         the growth of the delay per redelivery (1 = constant).
 * @param maxDelayMillis     the cap of the delay.
 * @param jitter             the random spread as a fraction of the delay (0..1).
 * @param maxDeliveries      attempts after which the message is dead-lettered; -1 for never.
 * @param deadLetterQueue    the dead-letter queue, or null for {@code DLQ.<destination>}.
 */
public record RedeliveryPolicy(
    long initialDelayMillis,
    double multiplier,
    long maxDelayMillis,
    double jitter,
    int maxDeliveries,
    String deadLetterQueue)
{
    /** Immediate redelivery, ten attempts, then {@code DLQ.<destination>}. */
    public static final RedeliveryPolicy DEFAULT = new RedeliveryPolicy(0, 1.0, 0, 0.0, 10, null);

    /**
     * Checks the values.
     */
    public RedeliveryPolicy
    {
        if (initialDelayMillis < 0 || maxDelayMillis < 0)
        {
            throw new IllegalArgumentException("redelivery delays must not be negative");
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier))
        {
            throw new IllegalArgumentException("redelivery multiplier must be at least 1 but was " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0))
        {
            throw new IllegalArgumentException("redelivery jitter must be 0..1 but was " + jitter);
        }
        if (maxDeliveries == 0 || maxDeliveries < -1)
        {
            throw new IllegalArgumentException("maxDeliveries must be positive or -1 (never) but was " + maxDeliveries);
        }
    }

    /**
     * @param redelivery the number of the redelivery about to be scheduled, from 1.
     * @param random     a uniform random number in [0, 1) used for the jitter.
     * @return the delay in milliseconds.
     */
    public long delayFor(final int redelivery, final double random)
    {
        if (initialDelayMillis == 0)
        {
            return 0;
        }
        final double grown = initialDelayMillis * Math.pow(multiplier, Math.max(0, redelivery - 1));
        final double capped = maxDelayMillis > 0 ? Math.min(grown, maxDelayMillis) : grown;
        final double spread = capped * jitter * (2.0 * random - 1.0);
        return Math.max(0, Math.round(capped + spread));
    }

    /**
     * @param deliveryCount the number of deliveries attempted so far.
     * @return true when the message must now go to its dead-letter queue.
     */
    public boolean exhausted(final int deliveryCount)
    {
        return maxDeliveries != -1 && deliveryCount >= maxDeliveries;
    }

    /**
     * @param destination the destination the message failed on.
     * @return where it goes when dead-lettered.
     */
    public String deadLetterQueueFor(final String destination)
    {
        return deadLetterQueue != null ? deadLetterQueue : "DLQ." + destination;
    }

    /**
     * @param maxDeliveries the new maximum.
     * @return a copy with another maximum number of deliveries.
     */
    public RedeliveryPolicy withMaxDeliveries(final int maxDeliveries)
    {
        return new RedeliveryPolicy(initialDelayMillis, multiplier, maxDelayMillis, jitter, maxDeliveries, deadLetterQueue);
    }
}
