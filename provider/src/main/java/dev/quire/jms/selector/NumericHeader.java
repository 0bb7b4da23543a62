package dev.quire.jms.selector;

import dev.quire.store.record.StoredMessage;

import java.util.function.ToLongFunction;

/**
 * A numeric header field a selector may reference: {@code JMSPriority} (0 to 9) or {@code JMSTimestamp}
 * (epoch milliseconds, 0 when the producer disabled timestamps). Never null.
 *
 * @param reader reads the field from a message.
 */
record NumericHeader(ToLongFunction<StoredMessage> reader) implements ExactNumber
{
    @Override
    public long exactValue(final StoredMessage message, final SelectorContext context)
    {
        return reader.applyAsLong(message);
    }
}
