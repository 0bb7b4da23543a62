package dev.quire.engine.internal;

import dev.quire.store.JournalRecord;
import dev.quire.store.LivePositions;
import dev.quire.store.RecordRewriter;
import dev.quire.store.record.DeliveryFailure;
import dev.quire.store.record.MessageSent;
import dev.quire.store.record.MessageSnapshot;
import dev.quire.store.record.MoveInfo;
import dev.quire.store.record.Placement;
import dev.quire.store.record.SnapshotEntry;
import dev.quire.store.record.StoredMessage;
import dev.quire.store.record.TransactionCommitted;
import dev.quire.store.record.XaPrepared;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongArrayList;
import org.agrona.collections.LongHashSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * The journal positions the engine still needs, gathered for one compaction pass, and what a live
 * record becomes when compaction copies it: every record holding live messages is restated as a
 * {@link MessageSnapshot} of those messages as they are now (their queues, delivery counts, failures and
 * moves), which supersedes every older record about them; a prepared XA branch's record is copied as it is.
 */
final class LiveRecords implements LivePositions, RecordRewriter
{
    private final Function<MessageRef, MoveInfo> moves;
    private final LongArrayList positions = new LongArrayList();
    private final Long2ObjectHashMap<List<MessageRef>> refsBySeq = new Long2ObjectHashMap<>();
    private final LongHashSet preparedPositions = new LongHashSet();
    private long[] sorted;

    /**
     * @param moves how a moved message came to its queue (read from its move record).
     */
    LiveRecords(final Function<MessageRef, MoveInfo> moves)
    {
        this.moves = moves;
    }

    void addMessage(final MessageRef ref)
    {
        if (ref.position < 0)
        {
            return;
        }
        add(ref.position);
        add(ref.annotationPosition());
        List<MessageRef> refs = refsBySeq.get(ref.seq);
        if (refs == null)
        {
            refs = new ArrayList<>(1);
            refsBySeq.put(ref.seq, refs);
        }
        if (!refs.contains(ref))
        {
            refs.add(ref);
        }
    }

    void addPrepared(final long position)
    {
        add(position);
        preparedPositions.add(position);
    }

    void add(final long position)
    {
        if (position >= 0)
        {
            positions.addLong(position);
        }
    }

    LiveRecords seal()
    {
        final long[] all = positions.toLongArray();
        Arrays.sort(all);
        int unique = 0;
        for (int i = 0; i < all.length; i++)
        {
            if (i == 0 || all[i] != all[i - 1])
            {
                all[unique++] = all[i];
            }
        }
        sorted = Arrays.copyOf(all, unique);
        return this;
    }

    @Override
    public void forEachLive(final long fromInclusive, final long toExclusive, final LongConsumer action)
    {
        int index = Arrays.binarySearch(sorted, fromInclusive);
        index = index < 0 ? -index - 1 : index;
        while (index < sorted.length && sorted[index] < toExclusive)
        {
            action.accept(sorted[index++]);
        }
    }

    @Override
    public JournalRecord rewrite(final long position, final JournalRecord record)
    {
        final List<SnapshotEntry> entries = new ArrayList<>();
        if (record instanceof MessageSent sent)
        {
            restate(position, sent.messageSeq(), sent.destination(), sent.message(), entries);
        }
        else if (record instanceof TransactionCommitted transaction)
        {
            transaction.sends().forEach(sent -> restate(position, sent.messageSeq(), sent.destination(), sent.message(), entries));
        }
        else if (record instanceof XaPrepared prepared && !preparedPositions.contains(position))
        {
            prepared.sends().forEach(sent -> restate(position, sent.messageSeq(), sent.destination(), sent.message(), entries));
        }
        else if (record instanceof MessageSnapshot snapshot)
        {
            snapshot.messages().forEach(entry -> restate(position, entry.messageSeq(), entry.destination(),
                entry.message(), entries));
        }
        else
        {
            return record;
        }
        return new MessageSnapshot(entries);
    }

    private void restate(final long position, final long seq, final String destination, final StoredMessage message,
        final List<SnapshotEntry> entries)
    {
        final List<MessageRef> refs = refsBySeq.get(seq);
        if (refs == null)
        {
            return;
        }
        final List<Placement> placements = new ArrayList<>(refs.size());
        for (final MessageRef ref : refs)
        {
            if (ref.position == position)
            {
                final List<DeliveryFailure> failures = ref.failures();
                placements.add(new Placement(ref.queue.name, ref.recordedDeliveryCount(),
                    ref.state == MessageRef.SCHEDULED ? ref.visibleAt : 0, failures,
                    ref.annotationPosition() < 0 ? null : moves.apply(ref)));
            }
        }
        if (!placements.isEmpty())
        {
            entries.add(new SnapshotEntry(seq, destination, message, placements));
        }
    }
}
