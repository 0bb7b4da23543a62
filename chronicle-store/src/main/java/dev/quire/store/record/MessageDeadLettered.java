package dev.quire.store.record;

import dev.quire.store.JournalRecord;
import dev.quire.store.RecordType;

import java.util.Objects;

/**
 * A message moved to its dead-letter queue, keeping its body, headers and properties.
 *
 * @param queue           the queue or subscription the message left.
 * @param messageSeq      the message.
 * @param deadLetterQueue the queue it moved to.
 * @param reason          why.
 * @param deliveryCount   the number of deliveries attempted.
 * @param time            when (epoch ms).
 * @param lastFailure     the last delivery failure, or null.
 */
public record MessageDeadLettered(String queue, long messageSeq, String deadLetterQueue, DeadLetterReason reason, int deliveryCount, long time, DeliveryFailure lastFailure) implements JournalRecord
{
    /**
     * Checks the required values.
     */
    public MessageDeadLettered
    {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(deadLetterQueue, "deadLetterQueue");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public RecordType type()
    {
        return RecordType.MESSAGE_DEAD_LETTERED;
    }
}
