package dev.quire.engine.internal;

import dev.quire.engine.BrokerException;
import dev.quire.store.Journal;
import dev.quire.store.record.XidValue;

import java.util.ArrayList;
import java.util.List;

/**
 * A transaction's work: the messages it sent (invisible until it commits) and the deliveries it
 * acknowledged (locked until it ends). A local transaction has no xid; an XA branch has one and goes
 * through the XA states.
 */
final class TransactionState
{
    enum Status
    {
        ACTIVE,
        ENDED,
        SUSPENDED,
        ROLLBACK_ONLY,
        PREPARED
    }

    final long id;
    final XidValue xid;
    final List<PendingSend> sends = new ArrayList<>();
    final List<MessageRef> acks = new ArrayList<>();
    final List<List<MessageRef>> routed = new ArrayList<>();
    Status status = Status.ACTIVE;
    /** The first send that failed (sends are not waited for): the transaction can then only roll back. */
    BrokerException failedSend;
    long preparedPosition = Journal.NO_POSITION;

    TransactionState(final long id, final XidValue xid)
    {
        this.id = id;
        this.xid = xid;
    }

    boolean isEmpty()
    {
        return sends.isEmpty() && acks.isEmpty();
    }
}
