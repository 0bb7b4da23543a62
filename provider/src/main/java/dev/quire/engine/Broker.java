package dev.quire.engine;

import dev.quire.engine.internal.Engine;
import dev.quire.engine.internal.EngineCommand;
import dev.quire.engine.internal.ShutdownMarker;
import dev.quire.engine.internal.WakeableIdleStrategy;
import dev.quire.store.CompactionReport;
import dev.quire.store.Durability;
import dev.quire.store.StoreException;
import dev.quire.store.chronicle.ChronicleJournal;
import dev.quire.store.record.DeliveryFailure;
import dev.quire.store.record.DestinationKind;
import dev.quire.store.record.StoredMessage;
import dev.quire.store.record.XidValue;
import org.agrona.concurrent.AgentRunner;

import javax.transaction.xa.XAException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;

/**
 * An embedded broker on one data directory: the thread-safe entry point to the engine. Every method
 * turns into a command for the single engine thread; the blocking ones wait for its answer, the
 * {@code CompletableFuture} ones complete when the work is done (a send or commit: once it is stored as
 * the durability mode promises). In {@code sync} mode a send's or commit's future completes on the
 * journal's flusher thread when the flush that stores it ends (on the engine thread when its record was
 * on disk already), together with the others that flush stored, in one {@link Wakeups} batch: what runs
 * in the completion and wakes another thread should use {@link Wakeups#unpark(Thread)}.
 * <p>
 * Failures surface as {@link BrokerException} (a refused request), {@link StoreException} (the
 * journal) or {@link XAException} (the XA methods).
 */
public final class Broker implements AutoCloseable
{
    /**
     * Names starting with this are reserved for temporary destinations ({@link #createTemporary}): such a
     * name is never created by a send or a consumer.
     */
    public static final String TEMPORARY_PREFIX = "temp-";

    private static final System.Logger LOG = System.getLogger(Broker.class.getName());

    private final BrokerContext context;
    private final ChronicleJournal journal;
    private final boolean syncDurability;
    private final Engine engine;
    private final WakeableIdleStrategy idleStrategy = new WakeableIdleStrategy();
    private final AgentRunner runner;
    private volatile boolean closed;

    private Broker(final BrokerContext context, final ChronicleJournal journal)
    {
        this.context = context;
        this.journal = journal;
        this.syncDurability = context.journal().durability() == Durability.SYNC;
        final boolean clean = ShutdownMarker.consume(context.journal().directory());
        this.engine = new Engine(context, journal);
        engine.recover(clean);
        journal.addDurabilityListener(position -> idleStrategy.wake());
        this.runner = new AgentRunner(idleStrategy, error -> LOG.log(System.Logger.Level.ERROR, "engine failure", error),
            null, engine);
        AgentRunner.startOnThread(runner, runnable ->
        {
            final Thread thread = new Thread(runnable, "quire-engine");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens the broker: takes the data directory, replays the journal into the engine and starts the
     * engine thread.
     *
     * @param context the settings; concluded here.
     * @return the running broker.
     */
    public static Broker open(final BrokerContext context)
    {
        context.conclude();
        final ChronicleJournal journal = ChronicleJournal.open(context.journal());
        try
        {
            return new Broker(context, journal);
        }
        catch (final RuntimeException ex)
        {
            journal.close();
            throw ex;
        }
    }

    /**
     * @return the settings the broker runs with.
     */
    public BrokerContext context()
    {
        return context;
    }

    /**
     * @return the id of the journal, the same for every broker on this data directory.
     */
    public String journalId()
    {
        return journal.journalId();
    }

    // ---- destinations -------------------------------------------------------------------------------

    /**
     * @param name the queue; created and recorded when it does not exist.
     */
    public void createQueue(final String name)
    {
        requireName(name);
        call((engine, result) ->
        {
            engine.createQueue(name);
            result.complete(null);
        });
    }

    /**
     * Creates a temporary queue or topic: in memory only, never recorded, so neither it nor its messages
     * outlive the broker. Once deleted, sending to it or consuming from it fails instead of creating it.
     *
     * @param kind queue or topic.
     * @param name a new name starting with {@link #TEMPORARY_PREFIX}.
     */
    public void createTemporary(final DestinationKind kind, final String name)
    {
        requireName(name);
        call((engine, result) ->
        {
            engine.createTemporary(kind, name);
            result.complete(null);
        });
    }

    /**
     * @param name the topic; created and recorded when it does not exist.
     */
    public void createTopic(final String name)
    {
        requireName(name);
        call((engine, result) ->
        {
            engine.createTopic(name);
            result.complete(null);
        });
    }

    /**
     * @param name a queue or topic; deleted with everything pending on it.
     * @return true when it existed.
     */
    public boolean deleteDestination(final String name)
    {
        requireName(name);
        return call((engine, result) -> result.complete(engine.deleteDestination(name)));
    }

    /**
     * @param subscription a durable subscription's engine name; deleted with its messages.
     */
    public void unsubscribe(final String subscription)
    {
        requireName(subscription);
        call((engine, result) ->
        {
            engine.unsubscribe(subscription);
            result.complete(null);
        });
    }

    /**
     * @param queue a queue or subscription queue.
     * @return how many messages it holds (pending, scheduled and in flight), or -1 when it does not exist.
     */
    public long depth(final String queue)
    {
        return call((engine, result) -> result.complete(engine.depth(queue)));
    }

    /**
     * @param queue  a queue or subscription queue.
     * @param filter which messages to show.
     * @return the messages a browser sees now, in delivery order.
     */
    public List<BrowsedMessage> browse(final String queue, final MessageFilter filter)
    {
        Objects.requireNonNull(filter, "filter");
        return call((engine, result) -> result.complete(engine.browse(queue, filter)));
    }

    /**
     * @param queue the queue holding the message (a dead-letter queue, say).
     * @param seq   the message's sequence number.
     * @return every delivery failure recorded for it, oldest first.
     */
    public List<DeliveryFailure> failureHistory(final String queue, final long seq)
    {
        return call((engine, result) -> result.complete(engine.failureHistory(queue, seq)));
    }

    /**
     * Reclaims journal cycles that hold nothing the broker still needs now, rather than at the next
     * periodic pass.
     *
     * @return what the pass did.
     */
    public CompactionReport compact()
    {
        return call((engine, result) -> result.complete(engine.compact()));
    }

    // ---- sending ------------------------------------------------------------------------------------

    /**
     * Sends a message outside a transaction.
     *
     * @param kind         queue or topic.
     * @param destination  its name (created when it does not exist).
     * @param message      the message.
     * @param connectionId the sending connection, for no-local subscriptions; 0 for none.
     * @return completed once the message is stored as the durability mode promises.
     */
    public CompletableFuture<Void> send(final DestinationKind kind, final String destination,
        final StoredMessage message, final long connectionId)
    {
        Objects.requireNonNull(kind, "kind");
        requireName(destination);
        Objects.requireNonNull(message, "message");
        final CompletableFuture<Void> stored =
            submit((engine, result) -> engine.send(kind, destination, message, connectionId, result));
        if (syncDurability && message.persistent())
        {
            journal.expectFlushRequest();
        }
        return stored;
    }

    /**
     * Sends a message inside a transaction: invisible until the transaction commits. Does not wait: a
     * send the engine refuses (a destination of the other kind, a deleted temporary one) makes the
     * transaction's commit or prepare fail and roll back, naming the refusal.
     */
    public void send(final long transactionId, final DestinationKind kind, final String destination,
        final StoredMessage message, final long connectionId)
    {
        Objects.requireNonNull(kind, "kind");
        requireName(destination);
        Objects.requireNonNull(message, "message");
        submit((engine, result) ->
        {
            engine.send(transactionId, kind, destination, message, connectionId);
            result.complete(null);
        });
    }

    // ---- sessions and consumers ---------------------------------------------------------------------

    /**
     * @return a new session.
     */
    public long openSession()
    {
        return call((engine, result) -> result.complete(engine.openSession()));
    }

    /**
     * Closes a session: its consumers close, its unacknowledged deliveries are redelivered.
     */
    public void closeSession(final long sessionId)
    {
        call((engine, result) ->
        {
            engine.closeSession(sessionId);
            result.complete(null);
        });
    }

    /**
     * @param sessionId the session.
     * @param spec      what to consume.
     * @param sink      where deliveries go (called on the engine thread).
     * @return the consumer's id.
     */
    public long openConsumer(final long sessionId, final ConsumerSpec spec, final DeliverySink sink)
    {
        return openConsumer(sessionId, spec, sink, false);
    }

    /**
     * @param sessionId the session.
     * @param spec      what to consume.
     * @param sink      where deliveries go (called on the engine thread).
     * @param stopped   true to open it stopped: it is given nothing until {@link #startConsumer(long)}.
     * @return the consumer's id.
     */
    public long openConsumer(final long sessionId, final ConsumerSpec spec, final DeliverySink sink,
        final boolean stopped)
    {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(sink, "sink");
        return call((engine, result) -> result.complete(engine.openConsumer(sessionId, spec, sink, stopped)));
    }

    /**
     * Stops a consumer (its connection stopped): it is given nothing more, and the deliveries its sink
     * still holds ({@link DeliverySink#withdraw()}) go back to the queue for other consumers.
     */
    public void stopConsumer(final long consumerId)
    {
        call((engine, result) ->
        {
            engine.stopConsumer(consumerId);
            result.complete(null);
        });
    }

    /**
     * Lets a stopped consumer take messages again. Does not wait.
     */
    public void startConsumer(final long consumerId)
    {
        submit((engine, result) ->
        {
            engine.startConsumer(consumerId);
            result.complete(null);
        });
    }

    /**
     * Gives a consumer room for more deliveries, beside the command queue ({@code ReturnedCredit}). Does not
     * wait; credit for a consumer that has closed is dropped.
     */
    public void addCredit(final long consumerId, final int credit)
    {
        engine.returnedCredit().give(consumerId, credit);
        idleStrategy.wake();
    }

    /**
     * Closes a consumer; the deliveries its sink still holds ({@link DeliverySink#withdraw()}) go back unchanged.
     *
     * @param consumerId     the consumer.
     * @param unconsumedTags further deliveries it prefetched but never gave to the application; they go back too.
     */
    public void closeConsumer(final long consumerId, final long... unconsumedTags)
    {
        call((engine, result) ->
        {
            engine.closeConsumer(consumerId, unconsumedTags.clone());
            result.complete(null);
        });
    }

    /**
     * Gives back deliveries that were prefetched but never given to the application.
     */
    public void release(final long consumerId, final long... tags)
    {
        call((engine, result) ->
        {
            engine.release(consumerId, tags.clone());
            result.complete(null);
        });
    }

    /**
     * @param sessionId     the session holding the deliveries.
     * @param transactionId the transaction they are acknowledged in, or 0.
     * @param tags          the deliveries.
     * @return how many were acknowledged.
     */
    public int acknowledge(final long sessionId, final long transactionId, final long... tags)
    {
        return call((engine, result) -> result.complete(engine.acknowledge(sessionId, transactionId, tags.clone())));
    }

    /**
     * Acknowledges deliveries outside a transaction and gives their consumer one credit back, without
     * waiting for the engine (auto-acknowledge). Unknown or already acknowledged tags are skipped.
     *
     * @param sessionId  the session holding them.
     * @param consumerId the consumer that gets the credit.
     * @param tags       the deliveries; the array is the engine's from now on.
     */
    public void acknowledgeLater(final long sessionId, final long consumerId, final long... tags)
    {
        submit((engine, result) ->
        {
            engine.acknowledge(sessionId, 0, tags);
            result.complete(null);
        });
        addCredit(consumerId, 1);
    }

    /**
     * Reports that processing a delivery failed; it comes back under its policy.
     */
    public void fail(final long sessionId, final long tag, final DeliveryFailure failure)
    {
        call((engine, result) ->
        {
            engine.fail(sessionId, tag, failure);
            result.complete(null);
        });
    }

    /**
     * Redelivers every unacknowledged delivery of the session, after taking back in the same step what
     * its consumers' sinks still hold ({@link DeliverySink#withdraw()}).
     */
    public void recover(final long sessionId)
    {
        call((engine, result) ->
        {
            engine.recover(sessionId);
            result.complete(null);
        });
    }

    // ---- transactions -------------------------------------------------------------------------------

    /**
     * @return a new local transaction.
     */
    public long beginTransaction()
    {
        final long transactionId = engine.reserveTransactionId();
        submit((engine, result) ->
        {
            engine.beginTransaction(transactionId);
            result.complete(null);
        });
        return transactionId;
    }

    /**
     * @return completed once the transaction's record is stored.
     */
    public CompletableFuture<Void> commit(final long transactionId)
    {
        return submit((engine, result) -> engine.commit(transactionId, result));
    }

    /**
     * Acknowledges deliveries in a transaction and commits it, in one step of the engine.
     *
     * @param sessionId     the session holding the deliveries.
     * @param transactionId the transaction.
     * @param tags          the deliveries consumed in it; the array is the engine's from now on.
     * @return completed once the transaction's record is stored; failed when the acknowledgement or the
     *         commit was refused, and the caller then rolls the transaction back.
     */
    public CompletableFuture<Void> commit(final long sessionId, final long transactionId, final long... tags)
    {
        return submit((engine, result) ->
        {
            engine.acknowledge(sessionId, transactionId, tags);
            engine.commit(transactionId, result);
        });
    }

    /**
     * Rolls back: sends are dropped, acknowledged deliveries are redelivered under their policy.
     */
    public void rollback(final long transactionId)
    {
        call((engine, result) ->
        {
            engine.rollback(transactionId);
            result.complete(null);
        });
    }

    /**
     * Rolls back a session's local transaction in one step: its consumers' sinks give back what they hold
     * ({@link DeliverySink#withdraw()}), the consumed deliveries join the transaction, and it rolls back.
     *
     * @param sessionId     the session.
     * @param transactionId its transaction.
     * @param consumedTags  the deliveries the application was given in the transaction.
     */
    public void rollback(final long sessionId, final long transactionId, final long... consumedTags)
    {
        call((engine, result) ->
        {
            engine.rollback(sessionId, transactionId, consumedTags.clone());
            result.complete(null);
        });
    }

    /**
     * @return the transaction id to send and acknowledge with while associated with the branch.
     * @throws XAException with the code the XA specification names.
     */
    public long xaStart(final XidValue xid, final int flags) throws XAException
    {
        return callXa((engine, result) -> result.complete(engine.xaStart(xid, flags)));
    }

    /**
     * @throws XAException with the code the XA specification names.
     */
    public void xaEnd(final XidValue xid, final int flags) throws XAException
    {
        callXa((engine, result) ->
        {
            engine.xaEnd(xid, flags);
            result.complete(null);
        });
    }

    /**
     * @return {@code XA_OK} once the branch's record is on disk, or {@code XA_RDONLY} when it did nothing.
     * @throws XAException with the code the XA specification names.
     */
    public int xaPrepare(final XidValue xid) throws XAException
    {
        return callXa((engine, result) -> engine.xaPrepare(xid, result));
    }

    /**
     * @throws XAException with the code the XA specification names.
     */
    public void xaCommit(final XidValue xid, final boolean onePhase) throws XAException
    {
        this.<Void>callXa((engine, result) -> engine.xaCommit(xid, onePhase, result));
    }

    /**
     * @throws XAException with the code the XA specification names.
     */
    public void xaRollback(final XidValue xid) throws XAException
    {
        callXa((engine, result) ->
        {
            engine.xaRollback(xid);
            result.complete(null);
        });
    }

    /**
     * @return the prepared branches, as a transaction manager's recovery asks for them.
     * @throws XAException XAER_RMFAIL when the broker is closed.
     */
    public List<XidValue> xaRecover() throws XAException
    {
        return callXa((engine, result) -> result.complete(engine.xaRecover()));
    }

    /**
     * @throws XAException always XAER_NOTA: Quire never completes a branch on its own.
     */
    public void xaForget(final XidValue xid) throws XAException
    {
        callXa((engine, result) ->
        {
            engine.xaForget(xid);
            result.complete(null);
        });
    }

    // ---- life cycle ---------------------------------------------------------------------------------

    /**
     * Stops the broker cleanly: deliveries in flight are recorded as attempted, the journal is flushed,
     * the engine thread stops and the data directory is released. Closing twice is harmless.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        boolean attemptsRecorded = false;
        try
        {
            submit((engine, result) ->
            {
                engine.recordInFlightAttempts();
                result.complete(null);
            }).join();
            attemptsRecorded = true;
        }
        finally
        {
            closed = true;
            runner.close();
            engine.abandonWaitingCommands(new BrokerException(BrokerException.Reason.CLOSED, "the broker closed"));
            try
            {
                if (context.journal().durability() != Durability.NONE && journal.lastPosition() >= 0)
                {
                    journal.flush(journal.lastPosition());
                }
                if (attemptsRecorded)
                {
                    ShutdownMarker.write(context.journal().directory());
                }
            }
            finally
            {
                journal.close();
            }
        }
    }

    // ---- plumbing -----------------------------------------------------------------------------------

    private <T> CompletableFuture<T> submit(final EngineCommand.Work<T> work)
    {
        if (closed)
        {
            throw new BrokerException(BrokerException.Reason.CLOSED, "the broker is closed");
        }
        final EngineCommand<T> command = new EngineCommand<>(work);
        int attempts = 0;
        while (!engine.offer(command))
        {
            if (closed)
            {
                throw new BrokerException(BrokerException.Reason.CLOSED, "the broker is closed");
            }
            idleStrategy.wake();
            attempts++;
            if (attempts < 100)
            {
                Thread.onSpinWait();
            }
            else
            {
                LockSupport.parkNanos(50_000);
            }
        }
        idleStrategy.wake();
        if (closed)
        {
            command.result().completeExceptionally(new BrokerException(BrokerException.Reason.CLOSED,
                "the broker closed"));
        }
        return command.result();
    }

    private <T> T call(final EngineCommand.Work<T> work)
    {
        try
        {
            return submit(work).get();
        }
        catch (final ExecutionException ex)
        {
            throw rethrown(ex.getCause());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new BrokerException(BrokerException.Reason.ILLEGAL_STATE, "interrupted while waiting for the broker");
        }
    }

    private <T> T callXa(final EngineCommand.Work<T> work) throws XAException
    {
        try
        {
            return submit(work).get();
        }
        catch (final ExecutionException ex)
        {
            if (ex.getCause() instanceof XAException xa)
            {
                throw xa;
            }
            throw xaFailure(rethrown(ex.getCause()));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw xaFailure(new BrokerException(BrokerException.Reason.ILLEGAL_STATE,
                "interrupted while waiting for the broker"));
        }
        catch (final RuntimeException ex)
        {
            throw xaFailure(ex);
        }
    }

    /**
     * A failure of the broker itself, as a transaction manager understands it: {@code XAER_RMFAIL} when the
     * broker is closed or its storage failed (the branch can be recovered later), else {@code XAER_RMERR}.
     */
    private static XAException xaFailure(final RuntimeException failure)
    {
        final boolean unavailable = failure instanceof StoreException ||
            failure instanceof BrokerException broker && broker.reason() == BrokerException.Reason.CLOSED;
        final XAException xa = new XAException(failure.getMessage());
        xa.errorCode = unavailable ? XAException.XAER_RMFAIL : XAException.XAER_RMERR;
        xa.initCause(failure);
        return xa;
    }

    private static RuntimeException rethrown(final Throwable cause)
    {
        if (cause instanceof CompletionException completion && completion.getCause() != null)
        {
            return rethrown(completion.getCause());
        }
        if (cause instanceof RuntimeException runtime)
        {
            return runtime;
        }
        if (cause instanceof Error error)
        {
            throw error;
        }
        return new BrokerException(BrokerException.Reason.ILLEGAL_STATE, String.valueOf(cause));
    }

    private static void requireName(final String name)
    {
        Objects.requireNonNull(name, "destination name");
        if (name.isEmpty())
        {
            throw new BrokerException(BrokerException.Reason.INVALID_DESTINATION, "a destination name must not be empty");
        }
    }
}
