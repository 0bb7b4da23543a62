package dev.quire.jms.message;

import dev.quire.jms.QuireDestination;
import dev.quire.store.record.StoredMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts between Quire's JMS messages and the journal's {@link StoredMessage}, in both directions, in
 * this one place: what a sent message keeps, and what a received one looks like (its headers, its
 * {@code JMSXDeliveryCount}, read-only properties and body).
 */
public final class StoredMessages
{
    /** The property holding the delivery attempt of a received message, from 1. */
    public static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    private StoredMessages()
    {
    }

    /**
     * Takes a copy of a message as it is sent: later changes to the message do not change what was sent.
     *
     * @param message the message, its headers already set by the producer.
     * @return the stored form.
     * @throws JMSException when the body cannot be encoded or the reply-to is not a queue or topic.
     */
    public static StoredMessage toStored(final QuireMessage message) throws JMSException
    {
        final Map<String, Object> properties = new LinkedHashMap<>();
        message.properties().forEach((name, value) ->
        {
            if (value != null && !DELIVERY_COUNT.equals(name))
            {
                properties.put(name, value);
            }
        });
        final Destination replyTo = message.getJMSReplyTo();
        return new StoredMessage(
            message.getJMSMessageID(),
            message.getJMSCorrelationID(),
            message.getJMSType(),
            replyTo == null ? null : QuireDestination.of(replyTo).toUri(),
            message.getJMSDeliveryMode() == DeliveryMode.PERSISTENT,
            message.getJMSPriority(),
            message.getJMSTimestamp(),
            message.getJMSExpiration(),
            message.getJMSDeliveryTime(),
            properties,
            message.bodyType(),
            message.encodeBody());
    }

    /**
     * Builds the message a consumer receives.
     *
     * @param stored        the stored message.
     * @param destination   the destination it was sent to.
     * @param deliveryCount the delivery attempt, from 1.
     * @param redelivered   whether it may have been delivered before.
     * @param acknowledger  what its {@code acknowledge()} does.
     * @return the received message, with read-only properties and body.
     * @throws JMSException when the stored body or reply-to cannot be read.
     */
    public static QuireMessage toReceived(final StoredMessage stored, final Destination destination,
        final int deliveryCount, final boolean redelivered, final Acknowledger acknowledger) throws JMSException
    {
        final QuireMessage message = newMessage(stored);
        message.setJMSMessageID(stored.messageId());
        message.setJMSCorrelationID(stored.correlationId());
        message.setJMSType(stored.type());
        message.setJMSReplyTo(QuireDestination.fromUri(stored.replyTo()));
        message.setJMSDestination(destination);
        message.setJMSDeliveryMode(stored.persistent() ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT);
        message.setJMSPriority(stored.priority());
        message.setJMSTimestamp(stored.timestamp());
        message.setJMSExpiration(stored.expiration());
        message.setJMSDeliveryTime(stored.deliveryTime());
        message.setJMSRedelivered(redelivered);
        stored.properties().forEach(message::putProviderProperty);
        message.putProviderProperty(DELIVERY_COUNT, deliveryCount);
        message.decodeBody(stored.body());
        message.markReceived(acknowledger);
        return message;
    }

    private static QuireMessage newMessage(final StoredMessage stored)
    {
        return switch (stored.bodyType())
        {
            case NONE -> new QuireMessage();
            case TEXT -> new QuireTextMessage();
            case BYTES -> new QuireBytesMessage();
            case MAP -> new QuireMapMessage();
            case STREAM -> new QuireStreamMessage();
            case OBJECT -> new QuireObjectMessage();
        };
    }
}
