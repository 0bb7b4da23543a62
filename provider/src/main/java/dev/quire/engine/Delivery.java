package dev.quire.engine;

import dev.quire.store.record.StoredMessage;

/**
 * One message handed to one consumer.
 *
 * @param consumerId    the consumer it is for.
 * @param deliveryTag   the id to acknowledge it by; unique in the broker's lifetime.
 * @param queue         the queue (or subscription queue) it was taken from.
 * @param destination   the destination it was sent to (the topic for a subscription).
 * @param messageSeq    the engine's sequence number of the message.
 * @param deliveryCount the number of this delivery attempt, starting at 1.
 * @param redelivered   true when the message may have been delivered before.
 * @param message       the message.
 */
public record Delivery(
    long consumerId,
    long deliveryTag,
    String queue,
    String destination,
    long messageSeq,
    int deliveryCount,
    boolean redelivered,
    StoredMessage message)
{
}
