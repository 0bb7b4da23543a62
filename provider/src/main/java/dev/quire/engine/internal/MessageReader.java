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
        final StoredMessage message = sentAt(ref.position, ref.slot, ref.seq).message();
        if (ref.annotationPosition == Journal.NO_POSITION)
        {
            return message;
        }
        final JournalRecord annotation = reader.read(ref.annotationPosition);
        if (annotation instanceof MessageDeadLettered dead)
        {
            return MovedMessages.deadLettered(message, dead, ref.destination);
        }
        return MovedMessages.expired(message, (MessageExpired)annotation, ref.destination);
    }

    MessageSent sentAt(final long position, final int slot, final long seq)
    {
        final JournalRecord record = reader.read(position);
        final MessageSent sent;
        if (record instanceof MessageSent single)
        {
            sent = single;
        }
        else if (record instanceof TransactionCommitted transaction && slot >= 0 && slot < transaction.sends().size())
        {
            sent = transaction.sends().get(slot);
        }
        else if (record instanceof XaPrepared prepared && slot >= 0 && slot < prepared.sends().size())
        {
            sent = prepared.sends().get(slot);
        }
        else
        {
            throw new StoreException(StoreException.Kind.CORRUPT,
                "position " + position + " holds a " + record.type() + ", not message " + seq);
        }
        if (sent.messageSeq() != seq)
        {
            throw new StoreException(StoreException.Kind.CORRUPT,
                "position " + position + " holds message " + sent.messageSeq() + ", not message " + seq);
        }
        return sent;
    }

    @Override
    public void close()
    {
        reader.close();
    }
}
