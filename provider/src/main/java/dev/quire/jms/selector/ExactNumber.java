package dev.quire.jms.selector;

import dev.quire.store.record.StoredMessage;

/**
 * An expression whose value is always an exact number, never null: an integer literal or the
 * {@code JMSPriority} and {@code JMSTimestamp} headers. Comparisons between two of them run on primitive
 * {@code long}s without boxing.
 */
interface ExactNumber extends Expression
{
    /**
     * @param message the message being matched.
     * @param context values the message does not carry.
     * @return the value.
     */
    long exactValue(StoredMessage message, SelectorContext context);

    @Override
    default Object evaluate(final StoredMessage message, final SelectorContext context)
    {
        return Long.valueOf(exactValue(message, context));
    }
}
