package dev.quire.store.record;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message as stored: headers, typed properties and body. Property values are limited to the types a
 * JMS message property may have: {@link Boolean}, {@link Byte}, {@link Short}, {@link Integer},
 * {@link Long}, {@link Float}, {@link Double} and {@link String}.
 *
 * @param messageId     the message id given by the producer, or null when disabled.
 * @param correlationId the correlation id, or null.
 * @param type          the message type header, or null.
 * @param replyTo       the encoded reply-to destination, or null.
 * @param persistent    true for a persistent message.
 * @param priority      0 (lowest) to 9 (highest).
 * @param timestamp     when the message was sent (epoch ms), or 0 when disabled.
 * @param expiration    when the message expires (epoch ms), or 0 for never.
 * @param deliveryTime  the earliest time it may be delivered (epoch ms).
 * @param properties    the properties in insertion order; never null.
 * @param bodyType      how to read the body.
 * @param body          the body bytes; never null (empty for no body).
 */
public record StoredMessage(
    String messageId,
    String correlationId,
    String type,
    String replyTo,
    boolean persistent,
    int priority,
    long timestamp,
    long expiration,
    long deliveryTime,
    Map<String, Object> properties,
    BodyType bodyType,
    byte[] body)
{
    /**
     * Validates the values and takes an unmodifiable copy of the properties.
     */
    public StoredMessage
    {
        if (priority < 0 || priority > 9)
        {
            throw new IllegalArgumentException("priority must be 0..9 but was " + priority);
        }
        Objects.requireNonNull(bodyType, "bodyType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(properties, "properties");
        for (final Map.Entry<String, Object> property : properties.entrySet())
        {
            PropertyValues.requireSupported(property.getKey(), property.getValue());
        }
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof StoredMessage that &&
            persistent == that.persistent &&
            priority == that.priority &&
            timestamp == that.timestamp &&
            expiration == that.expiration &&
            deliveryTime == that.deliveryTime &&
            Objects.equals(messageId, that.messageId) &&
            Objects.equals(correlationId, that.correlationId) &&
            Objects.equals(type, that.type) &&
            Objects.equals(replyTo, that.replyTo) &&
            properties.equals(that.properties) &&
            bodyType == that.bodyType &&
            Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(messageId, priority, timestamp, properties, bodyType, Arrays.hashCode(body));
    }

    @Override
    public String toString()
    {
        return "StoredMessage[messageId=" + messageId + ", priority=" + priority + ", persistent=" + persistent +
            ", expiration=" + expiration + ", deliveryTime=" + deliveryTime + ", properties=" + properties +
            ", bodyType=" + bodyType + ", bodyLength=" + body.length + "]";
    }
}
