package dev.quire.store.record;

import dev.quire.store.JournalRecord;
import dev.quire.store.RecordType;

import java.util.Objects;

/**
 * A message was acknowledged on a queue (or a subscription, which is a queue of its own) and is gone from it.
 *
 * @param queue      the queue or subscription name.
 * @param messageSeq the message.
 */
public record MessageAcknowledged(String queue, long messageSeq) implements JournalRecord
{
    /**
     * Checks the required values.
     */
    public MessageAcknowledged
    {
        Objects.requireNonNull(queue, "queue");
    }

    @Override
    public RecordType type()
    {
        return RecordType.MESSAGE_ACKNOWLEDGED;
    }
}
