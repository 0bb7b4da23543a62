package dev.quire.engine;

/**
 * How a topic consumer subscribes.
 */
public enum SubscriptionMode
{
    /** A queue consumer, or a topic consumer with a subscription of its own that dies with it. */
    NONE,
    /** A named subscription shared by its consumers that lives while any consumer does. */
    SHARED,
    /** A durable subscription: kept, with its messages, while no consumer is active. */
    DURABLE,
    /** A durable subscription shared by its consumers. */
    SHARED_DURABLE;

    /**
     * @return true for the durable modes.
     */
    public boolean durable()
    {
        return this == DURABLE || this == SHARED_DURABLE;
    }

    /**
     * @return true for the shared modes.
     */
    public boolean shared()
    {
        return this == SHARED || this == SHARED_DURABLE;
    }
}
