package dev.quire.engine.internal;

import dev.quire.engine.BrokerException;
import dev.quire.store.Journal;
import dev.quire.store.record.MessageAcknowledged;
import dev.quire.store.record.MessageSent;
import dev.quire.store.record.TransactionCommitted;
import dev.quire.store.record.XaCommitted;
import dev.quire.store.record.XaPrepared;
import dev.quire.store.record.XaRolledBack;
import dev.quire.store.record.XidValue;
import org.agrona.collections.Long2ObjectHashMap;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Local transactions and XA branches. A transaction's sends stay invisible and its acknowledged
 * deliveries locked until it ends; a commit is one journal record, so after a crash all of its work
 * happened or none did. An XA branch goes through start, end, prepare (a flushed record, whatever the
 * durability mode) and commit or rollback, with the XA error codes the specification names.
 */
final class Transactions
{
    private final EngineState state;
    private final Router router;
    private final Deliveries deliveries;
    private final Long2ObjectHashMap<TransactionState> byId = new Long2ObjectHashMap<>();
    final Map<XidValue, TransactionState> branches = new HashMap<>();

    Transactions(final EngineState state, final Router router, final Deliveries deliveries)
    {
        this.state = state;
        this.router = router;
        this.deliveries = deliveries;
    }

    void forEachTransaction(final Consumer<TransactionState> visitor)
    {
        byId.values().forEach(visitor);
    }

    /**
     * @return a new id for a transaction to begin with {@link #begin(long)}; callable from any thread.
     */
    long reserveId()
    {
        return state.newId();
    }

    void begin(final long transactionId)
    {
        byId.put(transactionId, new TransactionState(transactionId, null));
    }

    TransactionState active(final long transactionId)
    {
        final TransactionState transaction = byId.get(transactionId);
        if (transaction == null)
        {
            throw new BrokerException(BrokerException.Reason.UNKNOWN_ID, "no transaction " + transactionId);
        }
        if (transaction.status != TransactionState.Status.ACTIVE)
        {
            throw new BrokerException(BrokerException.Reason.ILLEGAL_STATE,
                "transaction " + transactionId + " is " + transaction.status + ", not active");
        }
        return transaction;
    }

    void addSend(final long transactionId, final PendingSend send)
    {
        active(transactionId).sends.add(send);
    }

    /**
     * A send in the transaction was refused. Sends are not waited for, so the failure is kept and the
     * transaction's commit or prepare reports it and rolls back.
     */
    void sendFailed(final long transactionId, final BrokerException failure)
    {
        final TransactionState transaction = byId.get(transactionId);
        if (transaction != null && transaction.failedSend == null)
        {
            transaction.failedSend = failure;
        }
    }

    private static void requireNoFailedSend(final TransactionState transaction)
    {
        if (transaction.failedSend != null)
        {
            throw new BrokerException(transaction.failedSend.reason(), "the transaction rolled back because a send " +
                "in it failed: " + transaction.failedSend.getMessage());
        }
    }

    void addAck(final long transactionId, final MessageRef ref)
    {
        active(transactionId).acks.add(ref);
        lock(ref);
    }

    /**
     * Locks a message acknowledged in a transaction until the transaction ends.
     */
    static void lock(final MessageRef ref)
    {
        ref.state = MessageRef.IN_TRANSACTION;
        ref.queue.locked++;
    }

    private static void unlock(final MessageRef ref)
    {
        ref.queue.locked--;
    }

    void commit(final long transactionId, final CompletableFuture<Void> done)
    {
        final TransactionState transaction = active(transactionId);
        byId.remove(transactionId);
        try
        {
            requireNoFailedSend(transaction);
            commitWork(transaction, done);
        }
        catch (final RuntimeException failure)
        {
            redeliverAcks(transaction);
            throw failure;
        }
    }

    private void commitWork(final TransactionState transaction, final CompletableFuture<Void> done)
    {
        final List<List<MessageRef>> routed = route(transaction.sends);
        final List<MessageSent> recordedSends = recordedSends(transaction.sends, routed);
        final List<MessageAcknowledged> recordedAcks = recordedAcks(transaction.acks);
        if (recordedSends.isEmpty() && recordedAcks.isEmpty())
        {
            consumeAcks(transaction);
            placeAll(routed, Journal.NO_POSITION);
            done.complete(null);
            return;
        }
        final long position = state.journal.append(new TransactionCommitted(transaction.id, recordedSends, recordedAcks));
        for (final MessageSent sent : recordedSends)
        {
            state.reader.written(position, sent.messageSeq(), sent.message());
        }
        consumeAcks(transaction);
        state.journal.afterStored(position, () -> placeAll(routed, position));
        state.journal.completeWhenStored(position, done);
    }

    /**
     * @return each send's index entries, not yet on their queues (nothing is changed if routing fails).
     */
    private List<List<MessageRef>> route(final List<PendingSend> sends)
    {
        final List<List<MessageRef>> routed = new ArrayList<>(sends.size());
        for (final PendingSend send : sends)
        {
            routed.add(router.route(send.seq(), send.kind(), send.destination(), send.message(), send.connectionId()));
        }
        return routed;
    }

    /**
     * @return the sends a transaction's record holds: persistent messages that reach a journaled queue.
     */
    private static List<MessageSent> recordedSends(final List<PendingSend> sends, final List<List<MessageRef>> routed)
    {
        final List<MessageSent> recorded = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++)
        {
            final PendingSend send = sends.get(i);
            if (Router.needsRecord(send.message(), routed.get(i)))
            {
                recorded.add(new MessageSent(send.seq(), send.destination(), send.message()));
            }
        }
        return recorded;
    }

    /**
     * @return the acknowledgements a transaction's record holds: of messages whose own record is journaled.
     */
    private static List<MessageAcknowledged> recordedAcks(final List<MessageRef> acks)
    {
        final List<MessageAcknowledged> recorded = new ArrayList<>();
        for (final MessageRef ref : acks)
        {
            if (ref.persistent && ref.queue.journaled() && ref.position != Journal.NO_POSITION)
            {
                recorded.add(new MessageAcknowledged(ref.queue.name, ref.seq));
            }
        }
        return recorded;
    }

    /**
     * The transaction's acknowledged messages leave their queues; called once its record is appended.
     */
    private static void consumeAcks(final TransactionState transaction)
    {
        for (final MessageRef ref : transaction.acks)
        {
            unlock(ref);
            ref.state = MessageRef.GONE;
        }
    }

    private void placeAll(final List<List<MessageRef>> routed, final long position)
    {
        for (final List<MessageRef> refs : routed)
        {
            router.place(refs, position, deliveries);
        }
    }

    void rollback(final long transactionId)
    {
        final TransactionState transaction = byId.remove(transactionId);
        if (transaction == null)
        {
            throw new BrokerException(BrokerException.Reason.UNKNOWN_ID, "no transaction " + transactionId);
        }
        if (transaction.xid != null)
        {
            branches.remove(transaction.xid);
        }
        redeliverAcks(transaction);
    }

    private void redeliverAcks(final TransactionState transaction)
    {
        transaction.acks.sort(Comparator.comparingLong(ref -> ref.seq));
        for (final MessageRef ref : transaction.acks)
        {
            unlock(ref);
            deliveries.redeliver(ref, null);
        }
    }

    // ---- XA -------------------------------------------------------------------------------------

    long xaStart(final XidValue xid, final int flags) throws XAException
    {
        final TransactionState existing = branches.get(xid);
        if (flags == XAResource.TMNOFLAGS)
        {
            if (existing != null)
            {
                throw xa(XAException.XAER_DUPID, "branch " + xid + " already exists");
            }
            final TransactionState branch = new TransactionState(state.newId(), xid);
            branches.put(xid, branch);
            byId.put(branch.id, branch);
            return branch.id;
        }
        if (existing == null)
        {
            throw xa(XAException.XAER_NOTA, "no branch " + xid + " to join or resume");
        }
        if (flags == XAResource.TMJOIN && (existing.status == TransactionState.Status.ACTIVE ||
            existing.status == TransactionState.Status.ENDED))
        {
            existing.status = TransactionState.Status.ACTIVE;
            return existing.id;
        }
        if (flags == XAResource.TMRESUME && existing.status == TransactionState.Status.SUSPENDED)
        {
            existing.status = TransactionState.Status.ACTIVE;
            return existing.id;
        }
        throw xa(XAException.XAER_PROTO, "cannot start branch " + xid + " with flags " + flags +
            " while it is " + existing.status);
    }

    void xaEnd(final XidValue xid, final int flags) throws XAException
    {
        final TransactionState branch = branch(xid);
        if (branch.status != TransactionState.Status.ACTIVE && branch.status != TransactionState.Status.SUSPENDED)
        {
            throw xa(XAException.XAER_PROTO, "branch " + xid + " is " + branch.status + ", not active");
        }
        branch.status = switch (flags)
        {
            case XAResource.TMSUSPEND -> TransactionState.Status.SUSPENDED;
            case XAResource.TMFAIL -> TransactionState.Status.ROLLBACK_ONLY;
            case XAResource.TMSUCCESS -> TransactionState.Status.ENDED;
            default -> throw xa(XAException.XAER_INVAL, "invalid end flags " + flags);
        };
    }

    void xaPrepare(final XidValue xid, final CompletableFuture<Integer> done) throws XAException
    {
        final TransactionState branch = branch(xid);
        rollBackIfDoomed(branch);
        if (branch.status != TransactionState.Status.ENDED)
        {
            throw xa(XAException.XAER_PROTO, "branch " + xid + " is " + branch.status + ", not ended");
        }
        if (branch.isEmpty())
        {
            branches.remove(xid);
            byId.remove(branch.id);
            done.complete(XAResource.XA_RDONLY);
            return;
        }
        final List<List<MessageRef>> routed = route(branch.sends);
        branch.preparedPosition = state.journal.append(
            new XaPrepared(xid, recordedSends(branch.sends, routed), recordedAcks(branch.acks)));
        branch.routed.addAll(routed);
        branch.status = TransactionState.Status.PREPARED;
        state.journal.afterFlushed(branch.preparedPosition, () -> done.complete(XAResource.XA_OK));
    }

    void xaCommit(final XidValue xid, final boolean onePhase, final CompletableFuture<Void> done) throws XAException
    {
        final TransactionState branch = branch(xid);
        if (onePhase)
        {
            rollBackIfDoomed(branch);
            if (branch.status != TransactionState.Status.ENDED)
            {
                throw xa(XAException.XAER_PROTO, "one-phase commit of branch " + xid + " while it is " + branch.status);
            }
            branches.remove(xid);
            byId.remove(branch.id);
            commitWork(branch, done);
            return;
        }
        if (branch.status != TransactionState.Status.PREPARED)
        {
            throw xa(XAException.XAER_PROTO, "two-phase commit of branch " + xid + " while it is " + branch.status);
        }
        branches.remove(xid);
        byId.remove(branch.id);
        final long position = state.journal.append(new XaCommitted(xid));
        applyPreparedCommit(branch);
        state.journal.completeWhenStored(position, done);
    }

    /**
     * Makes a prepared branch's work happen: its acknowledged messages leave, its sends become visible.
     */
    void applyPreparedCommit(final TransactionState branch)
    {
        for (final MessageRef ref : branch.acks)
        {
            unlock(ref);
            ref.state = MessageRef.GONE;
        }
        placeAll(branch.routed, branch.preparedPosition);
    }

    void xaRollback(final XidValue xid) throws XAException
    {
        final TransactionState branch = branch(xid);
        if (branch.status == TransactionState.Status.PREPARED)
        {
            state.journal.append(new XaRolledBack(xid));
        }
        discard(branch);
    }

    /**
     * Discards a branch that cannot commit (marked rollback-only, or a send in it was refused) and reports
     * it rolled back.
     */
    private void rollBackIfDoomed(final TransactionState branch) throws XAException
    {
        if (branch.status != TransactionState.Status.ROLLBACK_ONLY && branch.failedSend == null)
        {
            return;
        }
        discard(branch);
        throw xa(XAException.XA_RBROLLBACK, branch.failedSend != null ? "branch " + branch.xid +
            " rolled back because a send in it failed: " + branch.failedSend.getMessage() :
            "branch " + branch.xid + " was marked rollback-only");
    }

    private void discard(final TransactionState branch)
    {
        branches.remove(branch.xid);
        byId.remove(branch.id);
        redeliverAcks(branch);
    }

    List<XidValue> xaRecover()
    {
        final List<XidValue> prepared = new ArrayList<>();
        for (final TransactionState branch : branches.values())
        {
            if (branch.status == TransactionState.Status.PREPARED)
            {
                prepared.add(branch.xid);
            }
        }
        return prepared;
    }

    void xaForget(final XidValue xid) throws XAException
    {
        throw xa(XAException.XAER_NOTA, "no heuristically completed branch " + xid + " (Quire never decides alone)");
    }

    /**
     * Registers a branch rebuilt from the journal in the prepared state.
     */
    void restorePrepared(final TransactionState branch)
    {
        branches.put(branch.xid, branch);
        byId.put(branch.id, branch);
    }

    private TransactionState branch(final XidValue xid) throws XAException
    {
        final TransactionState branch = branches.get(xid);
        if (branch == null)
        {
            throw xa(XAException.XAER_NOTA, "no branch " + xid);
        }
        return branch;
    }

    private static XAException xa(final int code, final String message)
    {
        final XAException exception = new XAException(message);
        exception.errorCode = code;
        return exception;
    }
}
