package dev.quire.engine.internal;

import dev.quire.store.CompactionReport;
import dev.quire.store.CycleInfo;
import dev.quire.store.Journal;
import org.agrona.collections.Long2LongHashMap;

import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongUnaryOperator;

/**
 * Keeps the journal's disk use bounded by live data: gathers every position the engine still needs,
 * lets the journal delete or compact its oldest cycles (live messages are restated in snapshots as they
 * are copied), and points the engine's entries at the copies; a message's move is then read from its
 * snapshot. Runs on the engine thread; a pass that copies records waits for one flush.
 */
final class JournalCompactor
{
    private static final CompactionReport NOTHING = new CompactionReport(0, 0, 0);

    private final EngineState state;
    private final Destinations destinations;
    private final Transactions transactions;

    JournalCompactor(final EngineState state, final Destinations destinations, final Transactions transactions)
    {
        this.state = state;
        this.destinations = destinations;
        this.transactions = transactions;
    }

    CompactionReport compact(final double maxLiveFraction)
    {
        if (waitsOutsideCurrentCycle())
        {
            return NOTHING;
        }
        final LiveRecords live = new LiveRecords(state.reader::moveOf);
        forEachMessage(live::addMessage);
        forEachMetadataPosition(live::add);
        for (final TransactionState branch : transactions.branches.values())
        {
            if (branch.status == TransactionState.Status.PREPARED)
            {
                live.addPrepared(branch.preparedPosition);
            }
        }
        final Long2LongHashMap relocated = new Long2LongHashMap(Journal.NO_POSITION);
        final CompactionReport report = state.journal.journal().compact(live.seal(), maxLiveFraction, live, relocated::put);
        if (!relocated.isEmpty())
        {
            relocate(position -> relocated.containsKey(position) ? relocated.get(position) : position);
        }
        return report;
    }

    /**
     * Records still waiting for the disk carry actions (entries to place) that compaction cannot see.
     * The current cycle is never compacted, so they only stop a pass when a roll left one in an older
     * cycle; under steady synchronous load compaction still runs.
     */
    private boolean waitsOutsideCurrentCycle()
    {
        final long oldestWaiting = state.journal.oldestWaitingPosition();
        if (oldestWaiting == Journal.NO_POSITION)
        {
            return false;
        }
        for (final CycleInfo cycle : state.journal.journal().cycles())
        {
            if (cycle.current())
            {
                return oldestWaiting < cycle.firstPosition();
            }
        }
        return true;
    }

    private void relocate(final LongUnaryOperator moved)
    {
        forEachMessage(ref ->
        {
            final long position = moved.applyAsLong(ref.position);
            if (ref.annotationPosition() != Journal.NO_POSITION)
            {
                ref.annotationPosition(position != ref.position ? position : moved.applyAsLong(ref.annotationPosition()));
            }
            ref.position = position;
        });
        for (final QueueState queue : destinations.queues.values())
        {
            queue.metadataPosition = moved.applyAsLong(queue.metadataPosition);
        }
        for (final TopicState topic : destinations.topics.values())
        {
            topic.metadataPosition = moved.applyAsLong(topic.metadataPosition);
        }
        for (final TransactionState branch : transactions.branches.values())
        {
            branch.preparedPosition = moved.applyAsLong(branch.preparedPosition);
        }
    }

    /**
     * Visits every message entry the engine holds: pending, waiting on a timer, in flight, locked in a
     * transaction, or sent in a prepared branch. An entry may be visited more than once.
     */
    private void forEachMessage(final Consumer<MessageRef> visitor)
    {
        for (final QueueState queue : destinations.queues.values())
        {
            for (MessageRef ref = queue.lanes.first(); ref != null; ref = queue.lanes.after(ref))
            {
                visitor.accept(ref);
            }
        }
        state.timers.forEach(visitor);
        state.inFlight.values().forEach(visitor);
        transactions.forEachTransaction(transaction ->
        {
            transaction.acks.forEach(visitor);
            transaction.routed.forEach(refs -> refs.forEach(visitor));
        });
    }

    private void forEachMetadataPosition(final LongConsumer visitor)
    {
        for (final QueueState queue : destinations.queues.values())
        {
            visitor.accept(queue.metadataPosition);
        }
        for (final TopicState topic : destinations.topics.values())
        {
            visitor.accept(topic.metadataPosition);
        }
    }
}
