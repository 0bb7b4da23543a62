package dev.quire.store.record;

import dev.quire.store.JournalRecord;
import dev.quire.store.RecordType;

import java.util.Objects;

/**
 * A message is being handed to a consumer; recorded first so that a consumer process that dies while
 * processing still counts an attempt.
 *
 * @param queue         the queue or subscription name.
 * @param messageSeq    the message.
 * @param deliveryCount the delivery count including this attempt.
 */
public record DeliveryAttempted(String queue, long messageSeq, int deliveryCount) implements JournalRecord
{
    /**
     * Checks the required values.
     */
    public DeliveryAttempted
    {
        Objects.requireNonNull(queue, "queue");
    }

    @Override
    public RecordType type()
    {
        return RecordType.DELIVERY_ATTEMPTED;
    }
}
