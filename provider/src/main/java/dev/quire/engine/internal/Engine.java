package dev.quire.engine.internal;

import dev.quire.engine.BrokerContext;
import dev.quire.engine.BrokerException;
import dev.quire.engine.BrowsedMessage;
import dev.quire.engine.ConsumerSpec;
import dev.quire.engine.DeliverySink;
import dev.quire.engine.MessageFilter;
import dev.quire.store.CompactionReport;
import dev.quire.store.Journal;
import dev.quire.store.record.DeliveryAttempted;
import dev.quire.store.record.DeliveryFailure;
import dev.quire.store.record.DestinationKind;
import dev.quire.store.record.MessageSent;
import dev.quire.store.record.StoredMessage;
import dev.quire.store.record.XidValue;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

import javax.transaction.xa.XAException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The engine agent: the one thread that owns all broker state. Other threads reach it only through
 * its bounded command queue. Each duty cycle reads the clock once, runs waiting commands, completes work
 * whose records reached the disk, fires due timers and dispatches queues with messages and credit.
 */
public final class Engine implements Agent
{
    private static final int COMMAND_LIMIT = 8;

    private final BrokerContext context;
    private final ManyToOneConcurrentArrayQueue<EngineCommand<?>> commands;
    private final Consumer<EngineCommand<?>> runCommand = this::run;
    private final EngineState state;
    private final Destinations destinations;
    private final Deliveries deliveries;
    private final Router router;
    private final Transactions transactions;
    private final JournalCompactor compactor;
    private final FlowControl flowControl;
    private final ReturnedCredit returnedCredit = new ReturnedCredit();
    private final ReturnedCredit.Taker creditTaker = this::addCredit;
    private long nextCompaction;

    /**
     * @param context the broker settings.
     * @param journal the open journal, already replayed into this engine by {@link #recover(boolean)}.
     */
    public Engine(final BrokerContext context, final Journal journal)
    {
        this.context = context;
        this.commands = new ManyToOneConcurrentArrayQueue<>(context.commandQueueCapacity());
        this.state = new EngineState(context, new EngineJournal(journal, context.journal().durability()),
            new MessageReader(journal));
        this.destinations = new Destinations(state);
        this.deliveries = new Deliveries(state, destinations);
        this.router = new Router(state, destinations);
        this.transactions = new Transactions(state, router, deliveries);
        this.compactor = new JournalCompactor(state, destinations, transactions);
        this.flowControl = new FlowControl(state);
    }

    /**
     * Rebuilds the state from the journal. Called once, before the engine thread starts.
     *
     * @param cleanShutdown true when the broker last stopped cleanly; otherwise every recovered message
     *                      may have been delivered before and is marked redelivered.
     */
    public void recover(final boolean cleanShutdown)
    {
        state.now = context.clock().time();
        state.recoveredFromCrash = !cleanShutdown;
        new StateReplayer(state, destinations, deliveries, transactions).replay(cleanShutdown);
        nextCompaction = state.now + context.compactionIntervalMillis();
    }

    /**
     * @param command work to run on the engine thread.
     * @return false when the command queue is full.
     */
    public boolean offer(final EngineCommand<?> command)
    {
        return commands.offer(command);
    }

    /**
     * Fails every command still waiting; called once the engine thread has stopped.
     *
     * @param reason why they will not run.
     */
    public void abandonWaitingCommands(final Throwable reason)
    {
        commands.drain(command -> command.abandon(reason));
    }

    /**
     * Runs one command, after the actions of records that reached the disk since the last look (a caller
     * told by the flusher that its send is stored must find the message on its queue) and the credit given
     * back since (a command sees the credit given before it was sent, as if that were a command too).
     */
    private void run(final EngineCommand<?> command)
    {
        state.journal.poll();
        returnedCredit.drainTo(creditTaker);
        command.execute(this);
    }

    /**
     * @return where consumers give back credit without a command.
     */
    public ReturnedCredit returnedCredit()
    {
        return returnedCredit;
    }

    @Override
    public int doWork()
    {
        state.now = context.clock().time();
        int work = commands.drain(runCommand, COMMAND_LIMIT);
        work += state.journal.poll();
        work += deliveries.fireTimers();
        work += returnedCredit.drainTo(creditTaker);
        work += deliveries.dispatch();
        if (context.compactionIntervalMillis() > 0 && state.now >= nextCompaction)
        {
            nextCompaction = state.now + context.compactionIntervalMillis();
            compact();
            work++;
        }
        flowControl.release();
        deliveries.endRound();
        return work;
    }

    /**
     * Reclaims journal cycles that hold nothing the engine still needs.
     *
     * @return what the pass did.
     */
    public CompactionReport compact()
    {
        return compactor.compact(context.compactionMaxLiveFraction());
    }

    @Override
    public String roleName()
    {
        return "quire-engine";
    }

    /**
     * Stops cleanly: every delivery still in flight, or acknowledged in a transaction that never ended,
     * is recorded as attempted, so that it comes back marked redelivered after the restart.
     */
    public void recordInFlightAttempts()
    {
        final List<MessageRef> inFlight = new ArrayList<>(state.inFlight.values());
        transactions.forEachTransaction(transaction ->
        {
            if (transaction.status != TransactionState.Status.PREPARED)
            {
                inFlight.addAll(transaction.acks);
            }
        });
        inFlight.sort(Comparator.comparingLong(ref -> ref.seq));
        for (final MessageRef ref : inFlight)
        {
            if (ref.persistent && ref.queue.journaled() && ref.position != Journal.NO_POSITION)
            {
                state.journal.append(new DeliveryAttempted(ref.queue.name, ref.seq, ref.deliveryCount));
                ref.attemptUnrecorded(false);
            }
        }
    }

    /**
     * The agent stops (on its own thread, after its last duty cycle): nothing reads message bodies any more.
     */
    @Override
    public void onClose()
    {
        flowControl.releaseAll();
        state.reader.close();
    }

    // ---- destinations -----------------------------------------------------------------------------

    /**
     * @param name the queue.
     */
    public void createQueue(final String name)
    {
        destinations.createQueue(name);
    }

    /**
     * @param name the topic.
     */
    public void createTopic(final String name)
    {
        destinations.createTopic(name);
    }

    /**
     * @param kind queue or topic.
     * @param name the temporary destination's name.
     */
    public void createTemporary(final DestinationKind kind, final String name)
    {
        destinations.createTemporary(kind, name);
    }

    /**
     * @param name a queue or topic.
     * @return true when something was deleted.
     */
    public boolean deleteDestination(final String name)
    {
        return destinations.delete(name);
    }

    /**
     * @param subscription a durable subscription's engine name.
     */
    public void unsubscribe(final String subscription)
    {
        destinations.unsubscribe(subscription);
    }

    /**
     * @param name a queue or subscription queue.
     * @return its depth (pending, scheduled and in flight), or -1 when there is no such queue.
     */
    public long depth(final String name)
    {
        settle();
        final QueueState queue = destinations.queue(name);
        return queue == null ? -1 : queue.depth();
    }

    /**
     * @param name   a queue or subscription queue.
     * @param filter which messages to show.
     * @return the messages a browser sees.
     */
    public List<BrowsedMessage> browse(final String name, final MessageFilter filter)
    {
        settle();
        final QueueState queue = destinations.queue(name);
        return queue == null ? List.of() : deliveries.browse(queue, filter);
    }

    /**
     * @param seq the message.
     * @param name its queue.
     * @return the delivery failures recorded for it on that queue, oldest first.
     */
    public List<DeliveryFailure> failureHistory(final String name, final long seq)
    {
        final QueueState queue = destinations.queue(name);
        if (queue == null)
        {
            return List.of();
        }
        for (MessageRef ref = queue.lanes.first(); ref != null; ref = queue.lanes.after(ref))
        {
            if (ref.seq == seq)
            {
                return List.copyOf(ref.failures());
            }
        }
        return List.of();
    }

    /**
     * Fires due timers and dispatches what can be dispatched, so that a query answers about a settled
     * state rather than one with work pending in this duty cycle.
     */
    private void settle()
    {
        deliveries.fireTimers();
        deliveries.dispatch();
    }

    // ---- sending ----------------------------------------------------------------------------------

    /**
     * Sends a message outside a transaction.
     *
     * @param kind         queue or topic.
     * @param destination  its name.
     * @param message      the message.
     * @param connectionId the sending connection (for no-local subscriptions), or 0.
     * @param done         completed once the message is stored as the durability mode promises.
     */
    public void send(final DestinationKind kind, final String destination, final StoredMessage message,
        final long connectionId, final CompletableFuture<Void> done)
    {
        final long seq = state.nextMessageSeq++;
        final List<MessageRef> refs = router.route(seq, kind, destination, message, connectionId);
        if (!Router.needsRecord(message, refs))
        {
            router.place(refs, Journal.NO_POSITION, deliveries);
            flowControl.confirmWhenRoom(refs, done);
            return;
        }
        final long position = state.journal.append(new MessageSent(seq, destination, message));
        state.reader.written(position, seq, message);
        state.journal.afterStored(position, () -> router.place(refs, position, deliveries));
        state.journal.completeWhenStored(position, done);
    }

    /**
     * Sends a message inside a transaction: invisible until it commits. A refused send makes the transaction
     * roll back at its commit or prepare.
     */
    public void send(final long transactionId, final DestinationKind kind, final String destination,
        final StoredMessage message, final long connectionId)
    {
        try
        {
            destinations.requireUsableAs(kind, destination);
            transactions.addSend(transactionId, new PendingSend(state.nextMessageSeq++, kind, destination, message,
                connectionId));
        }
        catch (final BrokerException refused)
        {
            transactions.sendFailed(transactionId, refused);
        }
    }

    // ---- sessions and consumers -------------------------------------------------------------------

    /**
     * @return a new session id.
     */
    public long openSession()
    {
        final SessionState session = new SessionState(state.newId());
        state.sessions.put(session.id, session);
        return session.id;
    }

    /**
     * Closes a session: its consumers close and its unacknowledged deliveries are redelivered.
     *
     * @param sessionId the session.
     */
    public void closeSession(final long sessionId)
    {
        final SessionState session = state.session(sessionId);
        for (final ConsumerState consumer : new ArrayList<>(session.consumers))
        {
            closeConsumer(consumer.id, new long[0]);
        }
        recover(sessionId);
        state.sessions.remove(sessionId);
    }

    /**
     * @param stopped true to open the consumer stopped: it gets nothing until {@link #startConsumer}.
     * @return a new consumer id; deliveries start as soon as there is credit.
     */
    public long openConsumer(final long sessionId, final ConsumerSpec spec, final DeliverySink sink,
        final boolean stopped)
    {
        final SessionState session = state.session(sessionId);
        final long id = state.newId();
        final QueueState queue = destinations.queueFor(spec, id);
        final ConsumerState consumer = new ConsumerState(id, session, queue, spec, sink,
            spec.kind() == DestinationKind.TOPIC && spec.mode() == dev.quire.engine.SubscriptionMode.NONE);
        consumer.stopped = stopped;
        queue.consumers.add(consumer);
        session.consumers.add(consumer);
        state.consumers.put(id, consumer);
        returnedCredit.open(id);
        state.markForDispatch(queue);
        return id;
    }

    /**
     * @param consumerId the consumer.
     * @param credit     how many more deliveries it may receive.
     */
    public void addCredit(final long consumerId, final int credit)
    {
        final ConsumerState consumer = state.consumers.get(consumerId);
        if (consumer != null)
        {
            consumer.credit += credit;
            state.markForDispatch(consumer.queue);
        }
    }

    /**
     * Stops a consumer: it is given nothing more, and what it prefetched but never gave to the application
     * goes back to its queue for other consumers.
     */
    public void stopConsumer(final long consumerId)
    {
        final ConsumerState consumer = state.consumer(consumerId);
        consumer.stopped = true;
        withdrawBuffered(consumer);
    }

    /**
     * Lets a stopped consumer take messages again.
     */
    public void startConsumer(final long consumerId)
    {
        final ConsumerState consumer = state.consumer(consumerId);
        consumer.stopped = false;
        state.markForDispatch(consumer.queue);
    }

    private void withdrawBuffered(final ConsumerState consumer)
    {
        release(consumer, consumer.sink.withdraw());
    }

    /**
     * Closes a consumer. Deliveries it prefetched but never gave to the application go back unchanged;
     * the others stay with the session until acknowledged or recovered.
     *
     * @param consumerId      the consumer.
     * @param unconsumedTags  the deliveries never given to the application.
     */
    public void closeConsumer(final long consumerId, final long[] unconsumedTags)
    {
        final ConsumerState consumer = state.consumer(consumerId);
        release(consumer, unconsumedTags);
        withdrawBuffered(consumer);
        returnedCredit.close(consumerId);
        state.consumers.remove(consumerId);
        consumer.session.consumers.remove(consumer);
        consumer.queue.consumers.remove(consumer);
        destinations.consumerLeft(consumer.queue);
        if (destinations.queue(consumer.queue.name) != consumer.queue)
        {
            forgetDeliveriesOf(consumer.session, consumer.queue);
        }
    }

    /**
     * Drops a session's deliveries from a queue that no longer exists (a closed non-durable subscription).
     */
    private void forgetDeliveriesOf(final SessionState session, final QueueState queue)
    {
        final List<Long> tags = new ArrayList<>();
        session.unacknowledged.forEach((tag, ref) ->
        {
            if (ref.queue == queue)
            {
                tags.add(tag);
            }
        });
        for (final long tag : tags)
        {
            deliveries.take(session, tag).state = MessageRef.GONE;
        }
    }

    /**
     * Gives back deliveries that were prefetched but never given to the application.
     *
     * @param consumerId the consumer that prefetched them.
     * @param tags       their delivery tags.
     */
    public void release(final long consumerId, final long[] tags)
    {
        release(state.consumer(consumerId), tags);
    }

    private void release(final ConsumerState consumer, final long[] tags)
    {
        for (final long tag : tags)
        {
            final MessageRef ref = deliveries.take(consumer.session, tag);
            if (ref != null)
            {
                deliveries.release(ref);
                consumer.credit++;
            }
        }
        if (tags.length > 0)
        {
            state.markForDispatch(consumer.queue);
        }
    }

    /**
     * Acknowledges deliveries; inside a transaction they stay locked until it ends.
     *
     * @param sessionId     the session holding them.
     * @param transactionId the transaction, or 0.
     * @param tags          the deliveries.
     * @return how many were acknowledged (unknown or already acknowledged tags are skipped).
     */
    public int acknowledge(final long sessionId, final long transactionId, final long[] tags)
    {
        final SessionState session = state.session(sessionId);
        if (transactionId != 0)
        {
            transactions.active(transactionId);
        }
        int acknowledged = 0;
        for (final long tag : tags)
        {
            final MessageRef ref = deliveries.take(session, tag);
            if (ref == null)
            {
                continue;
            }
            if (transactionId != 0)
            {
                transactions.addAck(transactionId, ref);
            }
            else
            {
                deliveries.acknowledge(ref);
            }
            acknowledged++;
        }
        return acknowledged;
    }

    /**
     * Reports that processing a delivery failed (a listener threw, an MDB failed): the message comes back
     * under its policy, and the failure is kept in its history.
     */
    public void fail(final long sessionId, final long tag, final DeliveryFailure failure)
    {
        final MessageRef ref = deliveries.take(state.session(sessionId), tag);
        if (ref != null)
        {
            deliveries.redeliver(ref, failure);
        }
    }

    /**
     * Redelivers every unacknowledged delivery of a session, as JMS {@code recover()} does; what its
     * consumers prefetched but never gave to the application goes back first, in the same step, so
     * nothing is dispatched in between.
     *
     * @param sessionId the session.
     */
    public void recover(final long sessionId)
    {
        final SessionState session = state.session(sessionId);
        session.consumers.forEach(this::withdrawBuffered);
        final List<Long> tags = new ArrayList<>(session.unacknowledged.keySet());
        tags.sort(Comparator.comparingLong(tag -> session.unacknowledged.get(tag).seq));
        for (final long tag : tags)
        {
            deliveries.redeliver(deliveries.take(session, tag), null);
        }
    }

    // ---- transactions -------------------------------------------------------------------------------

    /**
     * @return an id for a new local transaction; callable from any thread.
     */
    public long reserveTransactionId()
    {
        return transactions.reserveId();
    }

    /**
     * Begins a local transaction.
     *
     * @param transactionId an id from {@link #reserveTransactionId()}.
     */
    public void beginTransaction(final long transactionId)
    {
        transactions.begin(transactionId);
    }

    /**
     * @param transactionId the transaction.
     * @param done          completed once its record is stored.
     */
    public void commit(final long transactionId, final CompletableFuture<Void> done)
    {
        transactions.commit(transactionId, done);
    }

    /**
     * @param transactionId the transaction; its acknowledged deliveries are redelivered.
     */
    public void rollback(final long transactionId)
    {
        transactions.rollback(transactionId);
    }

    /**
     * Rolls back a session's local transaction in one step: what its consumers prefetched but never gave
     * to the application goes back, the deliveries it consumed join the transaction, and the transaction
     * rolls back, so they are redelivered in order.
     *
     * @param sessionId     the session.
     * @param transactionId its transaction.
     * @param consumedTags  the deliveries the application was given in the transaction.
     */
    public void rollback(final long sessionId, final long transactionId, final long[] consumedTags)
    {
        state.session(sessionId).consumers.forEach(this::withdrawBuffered);
        acknowledge(sessionId, transactionId, consumedTags);
        transactions.rollback(transactionId);
    }

    /**
     * @return the transaction id to send and acknowledge with while associated with the branch.
     * @throws XAException with the code the XA specification names.
     */
    public long xaStart(final XidValue xid, final int flags) throws XAException
    {
        return transactions.xaStart(xid, flags);
    }

    /**
     * @throws XAException with the code the XA specification names.
     */
    public void xaEnd(final XidValue xid, final int flags) throws XAException
    {
        transactions.xaEnd(xid, flags);
    }

    /**
     * @throws XAException with the code the XA specification names.
     */
    public void xaPrepare(final XidValue xid, final CompletableFuture<Integer> done) throws XAException
    {
        transactions.xaPrepare(xid, done);
    }

    /**
     * @throws XAException with the code the XA specification names.
     */
    public void xaCommit(final XidValue xid, final boolean onePhase, final CompletableFuture<Void> done) throws XAException
    {
        transactions.xaCommit(xid, onePhase, done);
    }

    /**
     * @throws XAException with the code the XA specification names.
     */
    public void xaRollback(final XidValue xid) throws XAException
    {
        transactions.xaRollback(xid);
    }

    /**
     * @return the prepared branches.
     */
    public List<XidValue> xaRecover()
    {
        return transactions.xaRecover();
    }

    /**
     * @throws XAException always XAER_NOTA: the engine never completes a branch heuristically.
     */
    public void xaForget(final XidValue xid) throws XAException
    {
        transactions.xaForget(xid);
    }
}
