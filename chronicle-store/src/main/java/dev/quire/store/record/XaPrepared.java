package dev.quire.store.record;

import dev.quire.store.JournalRecord;
import dev.quire.store.RecordType;

import java.util.List;
import java.util.Objects;

/**
 * An XA branch was prepared. Its messages stay invisible and its acknowledged messages locked until an
 * {@link XaCommitted} or {@link XaRolledBack} record for the same xid.
 *
 * @param xid   the branch.
 * @param sends the messages sent in the branch, in order.
 * @param acks  the acknowledgements made in the branch.
 */
public record XaPrepared(XidValue xid, List<MessageSent> sends, List<MessageAcknowledged> acks) implements JournalRecord
{
    /**
     * Takes unmodifiable copies of the lists.
     */
    public XaPrepared
    {
        Objects.requireNonNull(xid, "xid");
        sends = List.copyOf(sends);
        acks = List.copyOf(acks);
    }

    @Override
    public RecordType type()
    {
        return RecordType.XA_PREPARED;
    }
}
