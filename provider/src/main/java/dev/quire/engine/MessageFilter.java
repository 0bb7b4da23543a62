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
}
