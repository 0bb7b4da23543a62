package dev.quire.store.record;

import dev.quire.store.JournalRecord;
import dev.quire.store.RecordType;

import java.util.Objects;

/**
 * A prepared XA branch was committed.
 *
 * @param xid the branch.
 */
public record XaCommitted(XidValue xid) implements JournalRecord
{
    /**
     * Checks the required values.
     */
    public XaCommitted
    {
        Objects.requireNonNull(xid, "xid");
    }

    @Override
    public RecordType type()
    {
        return RecordType.XA_COMMITTED;
    }
}
