package dev.quire.engine.internal;

import dev.quire.engine.MessageFilter;
import dev.quire.engine.SubscriptionMode;
import dev.quire.store.Journal;
import dev.quire.store.JournalRecord;
import dev.quire.store.MessageReplayHandler;
import dev.quire.store.RecordType;
import dev.quire.store.ReplayedMessage;
import dev.quire.store.record.DeliveryAttempted;
import dev.quire.store.record.DestinationCreated;
import dev.quire.store.record.DestinationDeleted;
import dev.quire.store.record.DestinationKind;
import dev.quire.store.record.MessageAcknowledged;
import dev.quire.store.record.MessageDeadLettered;
import dev.quire.store.record.MessageExpired;
import dev.quire.store.record.MessageSent;
import dev.quire.store.record.MessageSnapshot;
import dev.quire.store.record.MoveInfo;
import dev.quire.store.record.Placement;
import dev.quire.store.record.RedeliveryScheduled;
import dev.quire.store.record.SnapshotEntry;
import dev.quire.store.record.StoredMessage;
import dev.quire.store.record.SubscriptionCreated;
import dev.quire.store.record.SubscriptionDeleted;
import dev.quire.store.record.XaCommitted;
import dev.quire.store.record.XaPrepared;
import dev.quire.store.record.XaRolledBack;
import dev.quire.store.record.XidValue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds the engine's state from the journal.
 * <p>
 * The journal is a history of events, and compaction may have copied some of them to its end: every
 * record comes with its origin, the position at which it was first written, and origins order the
 * history as it happened. The first pass reads the destination and subscription records (and nothing
 * else is decoded). The second gathers, per message, the record that created it and every event about
 * it (acknowledged, attempted, scheduled for redelivery, moved, locked in an XA branch). It reads sent
 * messages without their bodies ({@link Journal#replayWithoutBodies}): each becomes its index entries at
 * once, on the queues and subscriptions that existed at its creation (known from the first pass), and
 * nothing of its record is kept but where it is. At the end its events are applied in origin order,
 * wherever compaction left their records. Events about messages whose record is gone were about
 * messages long gone.
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
    private final SequenceTable<History> histories = new SequenceTable<>();
    private final List<History> inJournalOrder = new ArrayList<>();
    private final Map<XidValue, Branch> branches = new HashMap<>();
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
        journal.replayWithoutBodies(Journal.NO_POSITION, new Gatherer());
        rebuild(cleanShutdown);
    }

    // ---- pass 1: destinations and subscriptions ----------------------------------------------------

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

    // ---- pass 2: gather messages and their events --------------------------------------------------

    private void onRecord(final long position, final JournalRecord record, final long origin)
    {
        switch (record.type())
        {
            case XA_PREPARED -> prepared((XaPrepared)record, position, origin);
            case MESSAGE_SNAPSHOT -> ((MessageSnapshot)record).messages().forEach(entry -> snapshot(entry, position));
            case XA_COMMITTED -> outcome(((XaCommitted)record).xid(), true);
            case XA_ROLLED_BACK -> outcome(((XaRolledBack)record).xid(), false);
            case MESSAGE_ACKNOWLEDGED -> event(((MessageAcknowledged)record).messageSeq(), new Event(origin, position, record, null));
            case DELIVERY_ATTEMPTED -> event(((DeliveryAttempted)record).messageSeq(), new Event(origin, position, record, null));
            case REDELIVERY_SCHEDULED -> event(((RedeliveryScheduled)record).messageSeq(), new Event(origin, position, record, null));
            case MESSAGE_DEAD_LETTERED -> event(((MessageDeadLettered)record).messageSeq(), new Event(origin, position, record, null));
            case MESSAGE_EXPIRED -> event(((MessageExpired)record).messageSeq(), new Event(origin, position, record, null));
            default ->
            {
                // destination and subscription records were read in the first pass; sent messages (also
                // those of local transactions, whose acknowledgements come as records of their own) come
                // through the Gatherer's onMessage
            }
        }
    }

    private History history(final long seq)
    {
        // a sequence number above every one met so far is new: no need to look for it (the usual case,
        // as the engine numbers messages in the order it writes them)
        History history = seq > maxSeq ? null : histories.get(seq);
        if (history == null)
        {
            maxSeq = Math.max(maxSeq, seq);
            history = new History();
            histories.put(seq, history);
            inJournalOrder.add(history);
        }
        return history;
    }

    /**
     * A record holding the message: its first write, or a compaction copy that moved it. The message
     * becomes its index entries now: the destinations are known, and its record (perhaps a body of
     * megabytes) need not be kept.
     */
    private void created(final ReplayedMessage message, final long position, final long origin, final XidValue xid)
    {
        final History history = history(message.messageSeq());
        history.xid = xid;
        history.refs = route(message, position, origin);
        history.send = xid == null ? null : new PendingSend(message.messageSeq(),
            kinds.getOrDefault(message.destination(), DestinationKind.QUEUE), message.destination(), message.message(), 0);
    }

    /**
     * A snapshot of a message: the latest one supersedes every earlier record about it.
     */
    private void snapshot(final SnapshotEntry entry, final long position)
    {
        final History history = history(entry.messageSeq());
        if (position > history.snapshotPosition)
        {
            history.snapshot = entry;
            history.snapshotPosition = position;
        }
    }

    private void event(final long seq, final Event event)
    {
        final History history = history(seq);
        if (history.events == null)
        {
            history.events = new ArrayList<>(1);
        }
        history.events.add(event);
    }

    private void prepared(final XaPrepared record, final long position, final long origin)
    {
        final Branch branch = branches.computeIfAbsent(record.xid(), ignored -> new Branch());
        branch.position = position;
        branch.record = record;
        for (final MessageSent sent : record.sends())
        {
            created(new DecodedMessage(sent), position, origin, record.xid());
        }
        for (final MessageAcknowledged ack : record.acks())
        {
            event(ack.messageSeq(), new Event(origin, position, ack, record.xid()));
        }
    }

    private void outcome(final XidValue xid, final boolean committed)
    {
        branches.computeIfAbsent(xid, ignored -> new Branch()).committed = committed;
    }

    // ---- the end: rebuild queues ---------------------------------------------------------------------

    private void rebuild(final boolean cleanShutdown)
    {
        final Map<XidValue, TransactionState> prepared = new HashMap<>();
        branches.forEach((xid, branch) ->
        {
            if (branch.committed == null && branch.record != null)
            {
                final TransactionState transaction = new TransactionState(state.newId(), xid);
                transaction.status = TransactionState.Status.PREPARED;
                transaction.preparedPosition = branch.position;
                prepared.put(xid, transaction);
            }
        });
        final List<MessageRef> pending = new ArrayList<>(inJournalOrder.size());
        for (final History history : inJournalOrder)
        {
            if (history.snapshot != null)
            {
                restore(history, prepared, pending);
            }
            else if (history.refs != null && history.events == null && history.xid == null)
            {
                for (final MessageRef ref : history.refs)
                {
                    pending.add(ref);
                }
            }
            else if (history.refs != null)
            {
                rebuild(history, prepared, pending);
            }
        }
        for (final TransactionState branch : prepared.values())
        {
            branch.acks.forEach(ref -> ref.queue.locked++);
            transactions.restorePrepared(branch);
        }
        pending.sort(Comparator.comparingLong(ref -> ref.seq));
        for (final MessageRef ref : pending)
        {
            ref.possiblyDelivered(ref.deliveryCount > 0 || !cleanShutdown);
            deliveries.enqueue(ref.queue, ref);
        }
        state.nextMessageSeq = maxSeq + 1;
    }

    private void rebuild(final History history, final Map<XidValue, TransactionState> prepared,
        final List<MessageRef> pending)
    {
        final TransactionState sendingBranch = history.xid == null ? null : prepared.get(history.xid);
        final Branch outcome = history.xid == null ? null : branches.get(history.xid);
        if (outcome != null && Boolean.FALSE.equals(outcome.committed))
        {
            return;
        }
        final List<MessageRef> refs = new ArrayList<>(history.refs);
        if (sendingBranch != null)
        {
            refs.forEach(ref -> ref.state = MessageRef.UNCOMMITTED);
            sendingBranch.sends.add(history.send);
            sendingBranch.routed.add(refs);
            return;
        }
        applyEvents(history, refs, Journal.NO_POSITION, prepared, pending);
    }

    /**
     * Rebuilds a message from its latest snapshot, then what happened after it.
     */
    private void restore(final History history, final Map<XidValue, TransactionState> prepared,
        final List<MessageRef> pending)
    {
        final SnapshotEntry entry = history.snapshot;
        final StoredMessage message = entry.message();
        final List<MessageRef> refs = new ArrayList<>(entry.placements().size());
        for (final Placement placement : entry.placements())
        {
            final QueueState queue = queues.get(placement.queue());
            if (queue == null)
            {
                continue;
            }
            final MessageRef ref = placement.moved() == null ?
                new MessageRef(entry.messageSeq(), message, message.persistent()) :
                MessageRef.moved(entry.messageSeq(), message, entry.destination());
            ref.queue = queue;
            ref.position = history.snapshotPosition;
            ref.deliveryCount = placement.deliveryCount();
            ref.visibleAt = placement.visibleAt();
            placement.failures().forEach(ref::addFailure);
            if (placement.moved() != null)
            {
                ref.annotationPosition(history.snapshotPosition);
            }
            if (!message.persistent())
            {
                final MoveInfo move = placement.moved();
                ref.message = move == null ? message : MovedMessages.annotate(message, entry.destination(),
                    move.fromQueue(), move.reason(), move.deliveryCount(), move.time(), move.failure());
            }
            refs.add(ref);
        }
        applyEvents(history, refs, history.snapshotPosition, prepared, pending);
    }

    /**
     * Applies, in origin order, the events after {@code since} (and every XA acknowledgement, whose
     * effect depends on the branch's outcome, not on when it was written).
     */
    private void applyEvents(final History history, final List<MessageRef> refs, final long since,
        final Map<XidValue, TransactionState> prepared, final List<MessageRef> pending)
    {
        if (history.events != null)
        {
            history.events.sort(Comparator.comparingLong(Event::origin));
            for (final Event event : history.events)
            {
                if (event.origin() > since || event.xid() != null)
                {
                    apply(event, refs, prepared);
                }
            }
        }
        for (final MessageRef ref : refs)
        {
            if (ref.state == MessageRef.PENDING)
            {
                pending.add(ref);
            }
        }
    }

    private void apply(final Event event, final List<MessageRef> refs, final Map<XidValue, TransactionState> prepared)
    {
        final MessageRef ref = find(refs, queueOf(event.record()));
        if (ref == null)
        {
            return;
        }
        if (event.xid() != null)
        {
            lockedInBranch(event, refs, ref, prepared.get(event.xid()));
        }
        else if (event.record() instanceof MessageAcknowledged)
        {
            gone(refs, ref);
        }
        else if (event.record() instanceof DeliveryAttempted attempted)
        {
            ref.deliveryCount = Math.max(ref.deliveryCount, attempted.deliveryCount());
        }
        else if (event.record() instanceof RedeliveryScheduled redelivery)
        {
            ref.deliveryCount = Math.max(ref.deliveryCount, redelivery.deliveryCount());
            ref.visibleAt = redelivery.redeliverAt();
            ref.addFailure(redelivery.failure());
        }
        else
        {
            move(refs, ref, event);
        }
    }

    /**
     * An acknowledgement inside an XA branch: final when the branch committed, undone when it rolled
     * back (the message was delivered, so it comes back redelivered), locked while it is prepared.
     */
    private void lockedInBranch(final Event event, final List<MessageRef> refs, final MessageRef ref,
        final TransactionState preparedBranch)
    {
        final Branch outcome = branches.get(event.xid());
        if (outcome != null && Boolean.TRUE.equals(outcome.committed))
        {
            gone(refs, ref);
            return;
        }
        ref.deliveryCount = Math.max(ref.deliveryCount, 1);
        ref.possiblyDelivered(true);
        if (preparedBranch != null)
        {
            ref.state = MessageRef.IN_TRANSACTION;
            preparedBranch.acks.add(ref);
        }
    }

    private void move(final List<MessageRef> refs, final MessageRef ref, final Event event)
    {
        gone(refs, ref);
        final JournalRecord record = event.record();
        final String target = record instanceof MessageDeadLettered dead ? dead.deadLetterQueue() :
            ((MessageExpired)record).expiryQueue();
        final QueueState queue = target == null ? null : queues.get(target);
        if (queue == null)
        {
            return;
        }
        final MessageRef moved = new MessageRef(ref);
        moved.queue = queue;
        if (record instanceof MessageDeadLettered dead)
        {
            moved.addFailure(dead.lastFailure());
        }
        moved.annotationPosition(event.position());
        if (ref.message != null)
        {
            moved.message = record instanceof MessageDeadLettered dead ?
                MovedMessages.deadLettered(ref.message, dead, ref.destination()) :
                MovedMessages.expired(ref.message, (MessageExpired)record, ref.destination());
        }
        refs.add(moved);
    }

    private static void gone(final List<MessageRef> refs, final MessageRef ref)
    {
        ref.state = MessageRef.GONE;
        refs.remove(ref);
    }

    /**
     * @return the message's index entries on the queues and subscriptions that existed at its creation
     *         (perhaps an unmodifiable list); the whole message is decoded only for a subscription's
     *         selector or a non-persistent message.
     */
    private List<MessageRef> route(final ReplayedMessage message, final long position, final long origin)
    {
        final String destination = message.destination();
        final DestinationKind kind = kinds.get(destination);
        if (kind == DestinationKind.QUEUE)
        {
            final QueueState queue = queues.get(destination);
            return queue != null && queue.createdOrigin < origin ? List.of(entry(message, queue, position)) : List.of();
        }
        final List<MessageRef> refs = new ArrayList<>(1);
        if (kind == DestinationKind.TOPIC)
        {
            StoredMessage whole = null;
            for (final QueueState subscription : destinations.topic(destination).subscriptions)
            {
                if (subscription.createdOrigin >= origin)
                {
                    continue;
                }
                if (subscription.routeFilter != MessageFilter.ACCEPT_ALL)
                {
                    whole = whole == null ? message.message() : whole;
                    if (!subscription.routeFilter.matches(whole))
                    {
                        continue;
                    }
                }
                refs.add(entry(message, subscription, position));
            }
        }
        return refs;
    }

    private static MessageRef entry(final ReplayedMessage message, final QueueState queue, final long position)
    {
        final MessageRef ref = new MessageRef(message.messageSeq(), message.priority(), message.timestamp(),
            message.expiration(), message.deliveryTime(), message.persistent());
        ref.queue = queue;
        ref.position = position;
        if (!message.persistent())
        {
            ref.message = message.message();
        }
        return ref;
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

    private static String queueOf(final JournalRecord record)
    {
        return switch (record.type())
        {
            case MESSAGE_ACKNOWLEDGED -> ((MessageAcknowledged)record).queue();
            case DELIVERY_ATTEMPTED -> ((DeliveryAttempted)record).queue();
            case REDELIVERY_SCHEDULED -> ((RedeliveryScheduled)record).queue();
            case MESSAGE_DEAD_LETTERED -> ((MessageDeadLettered)record).queue();
            case MESSAGE_EXPIRED -> ((MessageExpired)record).queue();
            default -> throw new IllegalStateException("not a record about one message: " + record.type());
        };
    }

    /**
     * One message as the journal tells it: the record holding it and the events about it.
     */
    private static final class History
    {
        List<MessageRef> refs;
        XidValue xid;
        PendingSend send;
        SnapshotEntry snapshot;
        long snapshotPosition = Journal.NO_POSITION;
        List<Event> events;
    }

    /**
     * The second pass's handler: sent messages as views without their bodies, every other record decoded.
     */
    private final class Gatherer implements MessageReplayHandler
    {
        @Override
        public void onMessage(final long position, final ReplayedMessage message, final long origin)
        {
            created(message, position, origin, null);
        }

        @Override
        public void onRecord(final long position, final JournalRecord record, final long origin)
        {
            StateReplayer.this.onRecord(position, record, origin);
        }
    }

    /**
     * A message decoded in full (the sends of an XA prepare record) seen as a replayed message.
     */
    private record DecodedMessage(MessageSent sent) implements ReplayedMessage
    {
        @Override
        public long messageSeq()
        {
            return sent.messageSeq();
        }

        @Override
        public String destination()
        {
            return sent.destination();
        }

        @Override
        public boolean persistent()
        {
            return sent.message().persistent();
        }

        @Override
        public int priority()
        {
            return sent.message().priority();
        }

        @Override
        public long timestamp()
        {
            return sent.message().timestamp();
        }

        @Override
        public long expiration()
        {
            return sent.message().expiration();
        }

        @Override
        public long deliveryTime()
        {
            return sent.message().deliveryTime();
        }

        @Override
        public StoredMessage message()
        {
            return sent.message();
        }
    }

    /**
     * An event about a message, with the origin that orders it, the position of its record, and the XA
     * branch it belongs to (for an acknowledgement in a prepared branch).
     */
    private record Event(long origin, long position, JournalRecord record, XidValue xid)
    {
    }

    /**
     * An XA branch as the journal tells it: its prepare record and, once known, its outcome.
     */
    private static final class Branch
    {
        XaPrepared record;
        long position;
        Boolean committed;
    }
}
