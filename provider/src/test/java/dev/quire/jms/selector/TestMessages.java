package dev.quire.jms.selector;

import dev.quire.store.record.BodyType;
import dev.quire.store.record.StoredMessage;
import jakarta.jms.InvalidSelectorException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Messages for selector tests, and the outcome of a selector for one: true, false or unknown.
 */
final class TestMessages
{
    /** The outcome of a condition in three-valued logic. */
    enum Truth
    {
        TRUE, FALSE, UNKNOWN
    }

    private TestMessages()
    {
    }

    /**
     * @return a message with headers JMSMessageID 'ID:42', JMSCorrelationID 'corr-1', JMSType 'car',
     *         persistent, priority 4, timestamp 1700000000000 and properties of every type: i (int 5),
     *         l (long 5000000000), b (byte 3), sh (short 7), f (float 2.5), d (double 2.5), s ('abc'),
     *         num ('5'), t (true), fa (false), zero (int 0).
     */
    static StoredMessage standard()
    {
        final Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("i", 5);
        properties.put("l", 5_000_000_000L);
        properties.put("b", (byte)3);
        properties.put("sh", (short)7);
        properties.put("f", 2.5f);
        properties.put("d", 2.5);
        properties.put("s", "abc");
        properties.put("num", "5");
        properties.put("t", true);
        properties.put("fa", false);
        properties.put("zero", 0);
        return message("ID:42", "corr-1", "car", true, 4, 1_700_000_000_000L, properties);
    }

    /**
     * @param name  a property name.
     * @param value its value.
     * @return a message with only that property and no optional headers.
     */
    static StoredMessage withProperty(final String name, final Object value)
    {
        return withProperties(Map.of(name, value));
    }

    /**
     * @param properties the properties.
     * @return a message with only those properties and no optional headers.
     */
    static StoredMessage withProperties(final Map<String, Object> properties)
    {
        return message(null, null, null, false, 4, 0, properties);
    }

    /**
     * @param messageId     JMSMessageID.
     * @param correlationId JMSCorrelationID.
     * @param type          JMSType.
     * @param persistent    the delivery mode.
     * @param priority      JMSPriority.
     * @param timestamp     JMSTimestamp.
     * @param properties    the properties.
     * @return the message.
     */
    static StoredMessage message(
        final String messageId,
        final String correlationId,
        final String type,
        final boolean persistent,
        final int priority,
        final long timestamp,
        final Map<String, Object> properties)
    {
        return new StoredMessage(messageId, correlationId, type, null, persistent, priority, timestamp, 0, 0,
            properties, BodyType.NONE, new byte[0]);
    }

    /**
     * @param selector a selector that is a condition.
     * @param message  a message.
     * @return TRUE when it matches, FALSE when its negation matches, UNKNOWN when neither does.
     * @throws InvalidSelectorException when the selector is invalid.
     */
    static Truth truth(final String selector, final StoredMessage message) throws InvalidSelectorException
    {
        if (Selector.parse(selector).matches(message))
        {
            return Truth.TRUE;
        }
        return Selector.parse("NOT (" + selector + ")").matches(message) ? Truth.FALSE : Truth.UNKNOWN;
    }

    /**
     * @param selector a selector.
     * @return whether it matches {@link #standard()}.
     * @throws InvalidSelectorException when the selector is invalid.
     */
    static boolean matchesStandard(final String selector) throws InvalidSelectorException
    {
        return Selector.parse(selector).matches(standard());
    }
}
