package dev.quire.engine.internal;

import dev.quire.store.Journal;
import dev.quire.store.JournalReader;
import dev.quire.store.JournalRecord;
import dev.quire.store.StoreException;
import dev.quire.store.record.DeadLetterReason;
import dev.quire.store.record.MessageDeadLettered;
import dev.quire.store.record.MessageExpired;
import dev.quire.store.record.MessageSent;
import dev.quire.store.record.MessageSnapshot;
import dev.quire.store.record.MoveInfo;
import dev.quire.store.record.Placement;
import dev.quire.store.record.SnapshotEntry;
import dev.quire.store.record.StoredMessage;
import dev.quire.store.record.TransactionCommitted;
import dev.quire.store.record.XaPrepared;

import java.util.List;

/**
 * Reads a message's body from the journal when it is dispatched or browsed, and adds the dead-letter or
 * expiry properties when it was moved.
 * <p>
 * Two caches spare most reads. The messages the engine has just written are kept, by sequence number, in a
 * small ring ({@link #RECENT} of them, bodies of at most {@link #RECENT_BODY_BYTES} in all): on a queue
 * with a consumer keeping up, a message is dispatched moments after it is stored, and decoding it back
 * from the journal would cost the engine as much as writing it did. Memory stays bounded by the ring,
 * not by the queue's depth. And the last record read is
 * kept: the messages of one transaction or snapshot share a record and are dispatched one after another,
 * so it is decoded once, not once each. Records never change once written, so neither cache is ever stale.
 */
final class MessageReader implements AutoCloseable
{
    /** How many of the messages written last are kept (a power of two). */
    static final int RECENT = 4096;
    /** The most body bytes the ring holds; a message that would exceed it is not kept. */
    static final long RECENT_BODY_BYTES = 16L << 20;

    private final JournalReader reader;
    private final long[] recentSeqs = new long[RECENT];
    private final long[] recentPositions = new long[RECENT];
    private final StoredMessage[] recentMessages = new StoredMessage[RECENT];
    private long recentBodyBytes;
    private long lastPosition = Journal.NO_POSITION;
    private JournalRecord lastRecord;

    MessageReader(final Journal journal)
    {
        this.reader = journal.openReader();
    }

    /**
     * Keeps a message just written at {@code position}, so that dispatching it soon needs no read.
     */
    void written(final long position, final long seq, final StoredMessage message)
    {
        final int slot = (int)(seq & (RECENT - 1));
        final StoredMessage evicted = recentMessages[slot];
        if (evicted != null)
        {
            recentBodyBytes -= evicted.body().length;
        }
        final boolean fits = recentBodyBytes + message.body().length <= RECENT_BODY_BYTES;
        recentSeqs[slot] = seq;
        recentPositions[slot] = position;
        recentMessages[slot] = fits ? message : null;
        recentBodyBytes += fits ? message.body().length : 0;
    }

    StoredMessage read(final MessageRef ref)
    {
        if (ref.message != null)
        {
            return ref.message;
        }
        final StoredMessage message = messageAt(ref.position, ref.seq);
        if (ref.annotationPosition() == Journal.NO_POSITION)
        {
            return message;
        }
        final MoveInfo move = moveOf(ref);
        return MovedMessages.annotate(message, ref.destination(), move.fromQueue(), move.reason(), move.deliveryCount(),
            move.time(), move.failure());
    }

    /**
     * @return how a moved message came to its queue, from its move record or its snapshot.
     */
    MoveInfo moveOf(final MessageRef ref)
    {
        final JournalRecord annotation = reader.read(ref.annotationPosition());
        if (annotation instanceof MessageDeadLettered dead)
        {
            return new MoveInfo(dead.queue(), dead.reason(), dead.deliveryCount(), dead.time(), dead.lastFailure());
        }
        if (annotation instanceof MessageExpired expired)
        {
            return new MoveInfo(expired.queue(), DeadLetterReason.EXPIRED, -1, expired.time(), null);
        }
        if (annotation instanceof MessageSnapshot snapshot)
        {
            for (final SnapshotEntry entry : snapshot.messages())
            {
                for (final Placement placement : entry.placements())
                {
                    if (entry.messageSeq() == ref.seq && placement.queue().equals(ref.queue.name) && placement.moved() != null)
                    {
                        return placement.moved();
                    }
                }
            }
        }
        throw new StoreException(StoreException.Kind.CORRUPT, "position " + ref.annotationPosition() +
            " holds no move of message " + ref.seq + " to " + ref.queue.name);
    }

    /**
     * @return the message {@code seq} in the record at {@code position}: a single send, one of the sends
     *         of a transaction or XA branch, or one of the messages of a snapshot.
     */
    private StoredMessage messageAt(final long position, final long seq)
    {
        final int slot = (int)(seq & (RECENT - 1));
        if (recentMessages[slot] != null && recentSeqs[slot] == seq && recentPositions[slot] == position)
        {
            return recentMessages[slot];
        }
        final JournalRecord record = recordAt(position);
        if (record instanceof MessageSent single && single.messageSeq() == seq)
        {
            return single.message();
        }
        if (record instanceof MessageSnapshot snapshot)
        {
            for (final SnapshotEntry entry : snapshot.messages())
            {
                if (entry.messageSeq() == seq)
                {
                    return entry.message();
                }
            }
        }
        final List<MessageSent> sends = record instanceof TransactionCommitted transaction ? transaction.sends() :
            record instanceof XaPrepared prepared ? prepared.sends() : List.of();
        for (final MessageSent sent : sends)
        {
            if (sent.messageSeq() == seq)
            {
                return sent.message();
            }
        }
        throw new StoreException(StoreException.Kind.CORRUPT,
            "position " + position + " holds a " + record.type() + " without message " + seq);
    }

    private JournalRecord recordAt(final long position)
    {
        if (position != lastPosition)
        {
            lastRecord = reader.read(position);
            lastPosition = position;
        }
        return lastRecord;
    }

    @Override
    public void close()
    {
        reader.close();
    }
}
