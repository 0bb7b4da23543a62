package dev.quire.jms.selector;

import dev.quire.store.record.StoredMessage;

import java.util.function.Function;

/**
 * A string header field a selector may reference: {@code JMSDeliveryMode} (as {@code 'PERSISTENT'} or
 * {@code 'NON_PERSISTENT'}), {@code JMSMessageID}, {@code JMSCorrelationID} or {@code JMSType}; null when
 * the message has none.
 *
 * @param reader reads the field from a message.
 */
record TextHeader(Function<StoredMessage, String> reader) implements Expression
{
    @Override
    public Object evaluate(final StoredMessage message, final SelectorContext context)
    {
        return reader.apply(message);
    }
}
