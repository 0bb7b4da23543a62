package dev.quire.engine.internal;

import dev.quire.store.JournalRecord;
import dev.quire.store.LivePositions;
import dev.quire.store.RecordRewriter;
import dev.quire.store.record.MessageSent;
import dev.quire.store.record.TransactionCommitted;
import dev.quire.store.record.XaPrepared;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongArrayList;
import org.agrona.collections.LongHashSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The journal positions the engine still needs, gathered for one compaction pass, and the rule for
 * copying a record that is only partly live: a transaction's record keeps the sends still live (and all
 * its acknowledgements); a committed XA branch's prepare record becomes a committed transaction record.
 */
final class LiveRecords implements LivePositions, RecordRewriter
{
    private final LongArrayList positions = new LongArrayList();
    private final Long2LongHashMap messagePositions = new Long2LongHashMap(-1);
    private final LongHashSet preparedPositions = new LongHashSet();
    private long[] sorted;

    void addMessage(final MessageRef ref)
    {
        add(ref.position);
        add(ref.annotationPosition());
        final LongArrayList statePositions = ref.statePositions();
        if (statePositions != null)
        {
            for (int i = 0; i < statePositions.size(); i++)
            {
                add(statePositions.getLong(i));
            }
        }
        if (ref.position >= 0)
        {
            messagePositions.put(ref.seq, ref.position);
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
        if (record instanceof TransactionCommitted transaction)
        {
            return new TransactionCommitted(transaction.transactionId(), liveSends(position, transaction.sends()),
                transaction.acks());
        }
        if (record instanceof XaPrepared prepared && !preparedPositions.contains(position))
        {
            return new TransactionCommitted(0, liveSends(position, prepared.sends()), prepared.acks());
        }
        return record;
    }

    private List<MessageSent> liveSends(final long position, final List<MessageSent> sends)
    {
        final List<MessageSent> live = new ArrayList<>(sends.size());
        for (final MessageSent sent : sends)
        {
            if (messagePositions.get(sent.messageSeq()) == position)
            {
                live.add(sent);
            }
        }
        return live;
    }
}
