package dev.quire.jms.selector;

import dev.quire.store.record.StoredMessage;

import java.util.Map;

/**
 * What an identifier in a selector refers to. The header fields {@code JMSDeliveryMode},
 * {@code JMSPriority}, {@code JMSMessageID}, {@code JMSTimestamp}, {@code JMSCorrelationID} and
 * {@code JMSType} are read from the message; any other name beginning with {@code JMS} ({@code JMSX...}
 * and {@code JMS_...} properties, and header names a selector may not use, such as
 * {@code JMSDestination}) is asked of the {@link SelectorContext} first and then looked up as a stored
 * property; every other name is an application property. Names are case-sensitive.
 */
final class Identifiers
{
    private static final Map<String, Expression> HEADERS = Map.of(
        "JMSDeliveryMode", new TextHeader(message -> message.persistent() ? "PERSISTENT" : "NON_PERSISTENT"),
        "JMSPriority", new NumericHeader(StoredMessage::priority),
        "JMSMessageID", new TextHeader(StoredMessage::messageId),
        "JMSTimestamp", new NumericHeader(StoredMessage::timestamp),
        "JMSCorrelationID", new TextHeader(StoredMessage::correlationId),
        "JMSType", new TextHeader(StoredMessage::type));

    private Identifiers()
    {
    }

    /**
     * @param token an {@link TokenKind#IDENTIFIER} token.
     * @return the expression that reads it.
     */
    static TypedExpression resolve(final Token token)
    {
        final String name = token.value();
        final Expression header = HEADERS.get(name);
        final Expression node;
        final ValueType type;
        if (header != null)
        {
            node = header;
            type = header instanceof ExactNumber ? ValueType.NUMBER : ValueType.STRING;
        }
        else
        {
            node = name.startsWith("JMS") ? new SuppliedPropertyReference(name) : new PropertyReference(name);
            type = ValueType.ANY;
        }
        return new TypedExpression(node, type, token.start(), token.end(), true, 1);
    }
}
