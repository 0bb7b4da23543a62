package dev.quire.engine;

import dev.quire.store.record.StoredMessage;

/**
 * Decides whether a consumer may see a message: the hook a compiled message selector plugs into.
 * Evaluated on the engine thread; must be fast, must not block and must not throw.
 */
@FunctionalInterface
public interface MessageFilter
{
    /** The filter that accepts everything. */
    MessageFilter ACCEPT_ALL = message -> true;

    /**
     * @param message the message's headers, properties and body.
     * @return true when the consumer may receive it.
     */
    boolean matches(StoredMessage message);

    /**
     * @param message       the message's headers, properties and body.
     * @param deliveryCount the delivery attempt the message would make, from 1 (for selectors on
     *                      {@code JMSXDeliveryCount}).
     * @return true when the consumer may receive it.
     */
    default boolean matches(final StoredMessage message, final int deliveryCount)
    {
        return matches(message);
    }
}
