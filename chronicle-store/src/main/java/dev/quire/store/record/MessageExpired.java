package dev.quire.store.record;

import dev.quire.store.JournalRecord;
import dev.quire.store.RecordType;

import java.util.Objects;

/**
 * A message expired before it was consumed.
 *
 * @param queue       the queue or subscription it expired on.
 * @param messageSeq  the message.
 * @param expiryQueue the queue it moved to, or null when it was dropped.
 * @param time        when the expiry was noticed (epoch ms).
 */
public record MessageExpired(String queue, long messageSeq, String expiryQueue, long time) implements JournalRecord
{
    /**
     * Checks the required values.
     */
    public MessageExpired
    {
        Objects.requireNonNull(queue, "queue");
    }

    @Override
    public RecordType type()
    {
        return RecordType.MESSAGE_EXPIRED;
    }
}
