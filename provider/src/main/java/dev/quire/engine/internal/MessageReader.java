package dev.quire.engine.internal;

import dev.quire.store.Journal;
import dev.quire.store.JournalReader;
import dev.quire.store.JournalRecord;
import dev.quire.store.StoreException;
import dev.quire.store.record.MessageDeadLettered;
import dev.quire.store.record.MessageExpired;
import dev.quire.store.record.MessageSent;
import dev.quire.store.record.StoredMessage;
import dev.quire.store.record.TransactionCommitted;
import dev.quire.store.record.XaPrepared;

import java.util.List;

/**
 * Reads a message's body from the journal when it is dispatched or browsed, and adds the dead-letter or
 * expiry properties when it was moved.
 */
final class MessageReader implements AutoCloseable
{
    private final JournalReader reader;

    MessageReader(final Journal journal)
    {
        this.reader = journal.openReader();
    }

    StoredMessage read(final MessageRef ref)
    {
        if (ref.message != null)
        {
            return ref.message;
        }
        final StoredMessage message = sentAt(ref.position, ref.seq).message();
        if (ref.annotationPosition() == Journal.NO_POSITION)
        {
            return message;
        }
        final JournalRecord annotation = reader.read(ref.annotationPosition());
        if (annotation instanceof MessageDeadLettered dead)
        {
            return MovedMessages.deadLettered(message, dead, ref.destination());
        }
        return MovedMessages.expired(message, (MessageExpired)annotation, ref.destination());
    }

    /**
     * @return the message {@code seq} in the record at {@code position}: a single send, or one of the
     *         sends of a transaction or XA branch.
     */
    MessageSent sentAt(final long position, final long seq)
    {
        final JournalRecord record = reader.read(position);
        if (record instanceof MessageSent single && single.messageSeq() == seq)
        {
            return single;
        }
        final List<MessageSent> sends = record instanceof TransactionCommitted transaction ? transaction.sends() :
            record instanceof XaPrepared prepared ? prepared.sends() : List.of();
        for (final MessageSent sent : sends)
        {
            if (sent.messageSeq() == seq)
            {
                return sent;
            }
        }
        throw new StoreException(StoreException.Kind.CORRUPT,
            "position " + position + " holds a " + record.type() + " without message " + seq);
    }

    @Override
    public void close()
    {
        reader.close();
    }
}
