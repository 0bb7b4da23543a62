package dev.quire.engine.internal;

import dev.quire.store.record.DeadLetterReason;
import dev.quire.store.record.DeliveryFailure;
import dev.quire.store.record.MessageDeadLettered;
import dev.quire.store.record.MessageExpired;
import dev.quire.store.record.StoredMessage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties a message gains when it moves to a dead-letter or expiry queue. Body, headers and
 * the original properties are kept.
 */
public final class MovedMessages
{
    /** The destination the message was sent to. */
    public static final String ORIGINAL_DESTINATION = "_QUIRE_ORIG_DESTINATION";
    /** The queue (or subscription queue) it was taken from. */
    public static final String ORIGINAL_QUEUE = "_QUIRE_ORIG_QUEUE";
    /** Its original JMS message id. */
    public static final String ORIGINAL_MESSAGE_ID = "_QUIRE_ORIG_MESSAGE_ID";
    /** Why it was dead-lettered ({@code MAX_DELIVERIES}, {@code EXPIRED}, {@code REJECTED}...). */
    public static final String REASON = "_QUIRE_DLQ_REASON";
    /** How many deliveries were attempted. */
    public static final String DELIVERY_COUNT = "_QUIRE_DELIVERY_COUNT";
    /** The class of the last delivery failure. */
    public static final String LAST_FAILURE_CLASS = "_QUIRE_LAST_FAILURE_CLASS";
    /** The message of the last delivery failure. */
    public static final String LAST_FAILURE_MESSAGE = "_QUIRE_LAST_FAILURE_MESSAGE";
    /** When it moved (epoch ms). */
    public static final String MOVED_AT = "_QUIRE_MOVED_AT";

    private MovedMessages()
    {
    }

    static StoredMessage deadLettered(final StoredMessage message, final MessageDeadLettered dead, final String destination)
    {
        return annotate(message, destination, dead.queue(), dead.reason(), dead.deliveryCount(), dead.time(),
            dead.lastFailure());
    }

    static StoredMessage expired(final StoredMessage message, final MessageExpired expired, final String destination)
    {
        return annotate(message, destination, expired.queue(), DeadLetterReason.EXPIRED, -1, expired.time(), null);
    }

    static StoredMessage annotate(final StoredMessage message, final String destination, final String queue,
        final DeadLetterReason reason, final int deliveryCount, final long time, final DeliveryFailure failure)
    {
        final Map<String, Object> properties = new LinkedHashMap<>(message.properties());
        properties.put(ORIGINAL_DESTINATION, destination);
        properties.put(ORIGINAL_QUEUE, queue);
        if (message.messageId() != null)
        {
            properties.put(ORIGINAL_MESSAGE_ID, message.messageId());
        }
        properties.put(REASON, reason.name());
        if (deliveryCount >= 0)
        {
            properties.put(DELIVERY_COUNT, deliveryCount);
        }
        properties.put(MOVED_AT, time);
        if (failure != null)
        {
            properties.put(LAST_FAILURE_CLASS, failure.exceptionClass());
            if (failure.message() != null)
            {
                properties.put(LAST_FAILURE_MESSAGE, failure.message());
            }
        }
        return new StoredMessage(message.messageId(), message.correlationId(), message.type(), message.replyTo(),
            message.persistent(), message.priority(), message.timestamp(), 0, 0, properties,
            message.bodyType(), message.body());
    }
}
