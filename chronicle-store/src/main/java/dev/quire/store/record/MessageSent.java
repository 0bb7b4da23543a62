package dev.quire.store.record;

import dev.quire.store.JournalRecord;
import dev.quire.store.RecordType;

import java.util.Objects;

/**
 * A message stored on a destination.
 *
 * @param messageSeq  the engine's sequence number for the message, unique in the journal; the key every
 *                    later record about the message uses.
 * @param destination the destination name as the engine knows it.
 * @param message     the message.
 */
public record MessageSent(long messageSeq, String destination, StoredMessage message) implements JournalRecord
{
    /**
     * Checks the required values.
     */
    public MessageSent
    {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public RecordType type()
    {
        return RecordType.MESSAGE_SENT;
    }
}
