package dev.quire.engine.internal;

import dev.quire.engine.SubscriptionMode;
import dev.quire.store.Journal;
import dev.quire.store.JournalRecord;
import dev.quire.store.RecordType;
import dev.quire.store.record.DeliveryAttempted;
import dev.quire.store.record.DestinationCreated;
import dev.quire.store.record.DestinationDeleted;
import dev.quire.store.record.DestinationKind;
import dev.quire.store.record.MessageAcknowledged;
import dev.quire.store.record.MessageDeadLettered;
import dev.quire.store.record.MessageExpired;
import dev.quire.store.record.MessageSent;
import dev.quire.store.record.RedeliveryScheduled;
import dev.quire.store.record.StoredMessage;
import dev.quire.store.record.SubscriptionCreated;
import dev.quire.store.record.SubscriptionDeleted;
import dev.quire.store.record.TransactionCommitted;
import dev.quire.store.record.XaCommitted;
import dev.quire.store.record.XaPrepared;
import dev.quire.store.record.XaRolledBack;
import dev.quire.store.record.XidValue;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds the engine's state from the journal, in two passes.
 * <ol>
 *   <li>Destinations and subscriptions, each with the origin position of its creation.</li>
 *   <li>Messages and what happened to them. A message lands on the queues and subscriptions that existed
 *       when it was first written (its origin), so compaction copies that moved a record to the end of
 *       the journal route like the original. Records about a message met before the message itself
 *       (its record was copied forward) wait until it arrives; those about messages that never arrive
 *       were about messages long gone.</li>
 * </ol>
 */
final class StateReplayer
{
    private static final Set<RecordType> METADATA = EnumSet.of(RecordType.DESTINATION_CREATED,
        RecordType.DESTINATION_DELETED, RecordType.SUBSCRIPTION_CREATED, RecordType.SUBSCRIPTION_DELETED);

    private final EngineState state;
    private final Destinations destinations;
    private final Deliveries deliveries;
    private final Transactions transactions;
    private final Map<String, QueueState> queues = new LinkedHashMap<>();
    private final Map<String, DestinationKind> kinds = new HashMap<>();
    private final Long2ObjectHashMap<List<MessageRef>> refsBySeq = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<List<PositionedRecord>> early = new Long2ObjectHashMap<>();
    private final Map<XidValue, TransactionState> prepared = new HashMap<>();
    private long maxSeq;

    StateReplayer(final EngineState state, final Destinations destinations, final Deliveries deliveries,
        final Transactions transactions)
    {
        this.state = state;
        this.destinations = destinations;
        this.deliveries = deliveries;
        this.transactions = transactions;
    }

    void replay(final boolean cleanShutdown)
    {
        final Journal journal = state.journal.journal();
        journal.replay(Journal.NO_POSITION, METADATA, this::onMetadata);
        queues.values().forEach(destinations::restoreQueue);
        kinds.forEach((name, kind) ->
        {
            if (kind == DestinationKind.TOPIC)
            {
                destinations.topics.computeIfAbsent(name, TopicState::new);
            }
        });
        journal.replay(Journal.NO_POSITION, this::onRecord);
        finish(cleanShutdown);
    }

    // ---- pass 1 -----------------------------------------------------------------------------------

    private void onMetadata(final long position, final JournalRecord record, final long origin)
    {
        if (record instanceof DestinationCreated created)
        {
            kinds.put(created.name(), created.kind());
            if (created.kind() == DestinationKind.QUEUE)
            {
                final QueueState queue = new QueueState(created.name());
                queue.createdOrigin = origin;
                queue.metadataPosition = position;
                queues.put(created.name(), queue);
            }
        }
        else if (record instanceof DestinationDeleted deleted)
        {
            kinds.remove(deleted.name());
            queues.remove(deleted.name());
            queues.values().removeIf(queue -> deleted.name().equals(queue.topic));
        }
        else if (record instanceof SubscriptionCreated created)
        {
            final QueueState subscription = new QueueState(created.name(), created.topic(),
                created.shared() ? SubscriptionMode.SHARED_DURABLE : SubscriptionMode.DURABLE, created.selector(),
                destinations.filterFor(created.selector()), created.noLocal());
            subscription.createdOrigin = origin;
            subscription.metadataPosition = position;
            queues.put(created.name(), subscription);
            kinds.putIfAbsent(created.topic(), DestinationKind.TOPIC);
        }
        else if (record instanceof SubscriptionDeleted deleted)
        {
            queues.remove(deleted.name());
        }
    }

    // ---- pass 2 -----------------------------------------------------------------------------------

    private void onRecord(final long position, final JournalRecord record, final long origin)
    {
        switch (record.type())
        {
            case MESSAGE_SENT ->
            {
                arrive((MessageSent)record, position, origin);
            }
            case TRANSACTION_COMMITTED ->
            {
                final TransactionCommitted transaction = (TransactionCommitted)record;
                for (final MessageSent sent : transaction.sends())
                {
                    arrive(sent, position, origin);
                }
                transaction.acks().forEach(ack -> onSeqRecord(new PositionedRecord(ack, position)));
            }
            case XA_PREPARED -> onPrepared((XaPrepared)record, position, origin);
            case XA_COMMITTED -> onXaCommitted(((XaCommitted)record).xid());
            case XA_ROLLED_BACK -> onXaRolledBack(((XaRolledBack)record).xid());
            case MESSAGE_ACKNOWLEDGED, DELIVERY_ATTEMPTED, REDELIVERY_SCHEDULED, MESSAGE_DEAD_LETTERED,
                MESSAGE_EXPIRED -> onSeqRecord(new PositionedRecord(record, position));
            default ->
            {
                // metadata was handled in the first pass
            }
        }
    }

    /**
     * A message record: a new message, or a compaction copy that moves an existing one.
     */
    private List<MessageRef> arrive(final MessageSent sent, final long position, final long origin)
    {
        final long seq = sent.messageSeq();
        maxSeq = Math.max(maxSeq, seq);
        final List<MessageRef> existing = refsBySeq.get(seq);
        if (existing != null)
        {
            for (final MessageRef ref : existing)
            {
                if (ref.message == null)
                {
                    ref.position = position;
                }
            }
            return existing;
        }
        final List<MessageRef> refs = new ArrayList<>(1);
        for (final QueueState queue : targets(sent.destination(), sent.message(), origin))
        {
            final MessageRef ref = new MessageRef(seq, sent.message(), sent.message().persistent());
            ref.queue = queue;
            ref.position = position;
            if (!sent.message().persistent())
            {
                ref.message = sent.message();
            }
            refs.add(ref);
        }
        refsBySeq.put(seq, refs);
        final List<PositionedRecord> waiting = early.remove(seq);
        if (waiting != null)
        {
            waiting.forEach(this::onSeqRecord);
        }
        return refs;
    }

    private List<QueueState> targets(final String destination, final StoredMessage message, final long origin)
    {
        final List<QueueState> targets = new ArrayList<>(1);
        final DestinationKind kind = kinds.get(destination);
        if (kind == DestinationKind.QUEUE)
        {
            final QueueState queue = queues.get(destination);
            if (queue != null && queue.createdOrigin < origin)
            {
                targets.add(queue);
            }
        }
        else if (kind == DestinationKind.TOPIC)
        {
            for (final QueueState subscription : destinations.topic(destination).subscriptions)
            {
                if (subscription.createdOrigin < origin && subscription.routeFilter.matches(message))
                {
                    targets.add(subscription);
                }
            }
        }
        return targets;
    }

    private void onSeqRecord(final PositionedRecord positioned)
    {
        final JournalRecord record = positioned.record();
        final long seq = seqOf(record);
        maxSeq = Math.max(maxSeq, seq);
        final List<MessageRef> refs = refsBySeq.get(seq);
        final MessageRef ref = refs == null ? null : find(refs, queueOf(record));
        if (ref == null)
        {
            if (refs == null)
            {
                early.computeIfAbsent(seq, ignored -> new ArrayList<>(1)).add(positioned);
            }
            return;
        }
        if (record instanceof MessageAcknowledged)
        {
            gone(refs, ref);
        }
        else if (record instanceof DeliveryAttempted attempted)
        {
            ref.deliveryCount = Math.max(ref.deliveryCount, attempted.deliveryCount());
            ref.addStatePosition(positioned.position());
        }
        else if (record instanceof RedeliveryScheduled redelivery)
        {
            ref.deliveryCount = Math.max(ref.deliveryCount, redelivery.deliveryCount());
            ref.visibleAt = redelivery.redeliverAt();
            ref.addFailure(redelivery.failure());
            ref.addStatePosition(positioned.position());
        }
        else
        {
            move(refs, ref, positioned);
        }
    }

    private void move(final List<MessageRef> refs, final MessageRef ref, final PositionedRecord positioned)
    {
        gone(refs, ref);
        final String target = positioned.record() instanceof MessageDeadLettered dead ? dead.deadLetterQueue() :
            ((MessageExpired)positioned.record()).expiryQueue();
        if (target == null)
        {
            return;
        }
        final QueueState queue = queues.get(target);
        if (queue == null)
        {
            return;
        }
        final MessageRef moved = new MessageRef(ref);
        moved.queue = queue;
        if (positioned.record() instanceof MessageDeadLettered dead)
        {
            moved.addFailure(dead.lastFailure());
        }
        moved.annotationPosition(positioned.position());
        if (ref.message != null)
        {
            moved.message = positioned.record() instanceof MessageDeadLettered dead ?
                MovedMessages.deadLettered(ref.message, dead, ref.destination()) :
                MovedMessages.expired(ref.message, (MessageExpired)positioned.record(), ref.destination());
        }
        refs.add(moved);
    }

    private static void gone(final List<MessageRef> refs, final MessageRef ref)
    {
        ref.state = MessageRef.GONE;
        refs.remove(ref);
    }

    private void onPrepared(final XaPrepared record, final long position, final long origin)
    {
        final TransactionState branch = new TransactionState(state.newId(), record.xid());
        branch.status = TransactionState.Status.PREPARED;
        branch.preparedPosition = position;
        for (final MessageSent sent : record.sends())
        {
            final DestinationKind kind = kinds.getOrDefault(sent.destination(), DestinationKind.QUEUE);
            branch.sends.add(new PendingSend(sent.messageSeq(), kind, sent.destination(), sent.message(), 0));
            final List<MessageRef> refs = arrive(sent, position, origin);
            refs.forEach(ref -> ref.state = MessageRef.UNCOMMITTED);
            branch.routed.add(new ArrayList<>(refs));
        }
        for (final MessageAcknowledged ack : record.acks())
        {
            final List<MessageRef> refs = refsBySeq.get(ack.messageSeq());
            final MessageRef ref = refs == null ? null : find(refs, ack.queue());
            if (ref != null)
            {
                ref.state = MessageRef.IN_TRANSACTION;
                ref.deliveryCount = Math.max(ref.deliveryCount, 1);
                ref.possiblyDelivered = true;
                branch.acks.add(ref);
            }
        }
        prepared.put(record.xid(), branch);
    }

    private void onXaCommitted(final XidValue xid)
    {
        final TransactionState branch = prepared.remove(xid);
        if (branch == null)
        {
            return;
        }
        for (final MessageRef ref : branch.acks)
        {
            forget(ref);
        }
        for (final List<MessageRef> refs : branch.routed)
        {
            refs.forEach(ref -> ref.state = ref.state == MessageRef.UNCOMMITTED ? MessageRef.PENDING : ref.state);
        }
    }

    private void onXaRolledBack(final XidValue xid)
    {
        final TransactionState branch = prepared.remove(xid);
        if (branch == null)
        {
            return;
        }
        for (final MessageRef ref : branch.acks)
        {
            ref.state = MessageRef.PENDING;
        }
        for (final List<MessageRef> refs : branch.routed)
        {
            refs.forEach(this::forget);
        }
    }

    private void forget(final MessageRef ref)
    {
        final List<MessageRef> refs = refsBySeq.get(ref.seq);
        if (refs != null)
        {
            gone(refs, ref);
        }
        ref.state = MessageRef.GONE;
    }

    // ---- the end -----------------------------------------------------------------------------------

    private void finish(final boolean cleanShutdown)
    {
        for (final TransactionState branch : prepared.values())
        {
            branch.acks.forEach(ref -> ref.queue.locked++);
            transactions.restorePrepared(branch);
        }
        final List<MessageRef> recovered = new ArrayList<>();
        refsBySeq.values().forEach(refs ->
        {
            for (final MessageRef ref : refs)
            {
                if (ref.state == MessageRef.PENDING)
                {
                    recovered.add(ref);
                }
            }
        });
        recovered.sort(Comparator.comparingLong(ref -> ref.seq));
        for (final MessageRef ref : recovered)
        {
            ref.possiblyDelivered = ref.deliveryCount > 0 || !cleanShutdown;
            deliveries.enqueue(ref.queue, ref);
        }
        state.nextMessageSeq = maxSeq + 1;
    }

    private static MessageRef find(final List<MessageRef> refs, final String queue)
    {
        for (final MessageRef ref : refs)
        {
            if (ref.queue.name.equals(queue))
            {
                return ref;
            }
        }
        return null;
    }

    private static long seqOf(final JournalRecord inner)
    {
        return switch (inner.type())
        {
            case MESSAGE_ACKNOWLEDGED -> ((MessageAcknowledged)inner).messageSeq();
            case DELIVERY_ATTEMPTED -> ((DeliveryAttempted)inner).messageSeq();
            case REDELIVERY_SCHEDULED -> ((RedeliveryScheduled)inner).messageSeq();
            case MESSAGE_DEAD_LETTERED -> ((MessageDeadLettered)inner).messageSeq();
            case MESSAGE_EXPIRED -> ((MessageExpired)inner).messageSeq();
            default -> throw new IllegalStateException("not a record about one message: " + inner.type());
        };
    }

    private static String queueOf(final JournalRecord inner)
    {
        return switch (inner.type())
        {
            case MESSAGE_ACKNOWLEDGED -> ((MessageAcknowledged)inner).queue();
            case DELIVERY_ATTEMPTED -> ((DeliveryAttempted)inner).queue();
            case REDELIVERY_SCHEDULED -> ((RedeliveryScheduled)inner).queue();
            case MESSAGE_DEAD_LETTERED -> ((MessageDeadLettered)inner).queue();
            case MESSAGE_EXPIRED -> ((MessageExpired)inner).queue();
            default -> throw new IllegalStateException("not a record about one message: " + inner.type());
        };
    }

    /**
     * A record about one message with its position: the moved message keeps a move record's position as
     * the source of its extra properties, and every message keeps the positions of its state records.
     */
    private record PositionedRecord(JournalRecord record, long position)
    {
    }
}
