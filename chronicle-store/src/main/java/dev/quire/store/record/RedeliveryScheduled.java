package dev.quire.store.record;

import dev.quire.store.JournalRecord;
import dev.quire.store.RecordType;

import java.util.Objects;

/**
 * A delivery failed (rollback, recover or a consumer's failure report); the message comes back later.
 *
 * @param queue         the queue or subscription name.
 * @param messageSeq    the message.
 * @param deliveryCount the number of deliveries so far.
 * @param redeliverAt   when the message becomes deliverable again (epoch ms).
 * @param failure       why the delivery failed, or null when the consumer gave no reason.
 */
public record RedeliveryScheduled(String queue, long messageSeq, int deliveryCount, long redeliverAt, DeliveryFailure failure) implements JournalRecord
{
    /**
     * Checks the required values.
     */
    public RedeliveryScheduled
    {
        Objects.requireNonNull(queue, "queue");
    }

    @Override
    public RecordType type()
    {
        return RecordType.REDELIVERY_SCHEDULED;
    }
}
