package dev.quire.store.record;

import dev.quire.store.JournalRecord;
import dev.quire.store.RecordType;

import java.util.Objects;

/**
 * A prepared XA branch was rolled back.
 *
 * @param xid the branch.
 */
public record XaRolledBack(XidValue xid) implements JournalRecord
{
    /**
     * Checks the required values.
     */
    public XaRolledBack
    {
        Objects.requireNonNull(xid, "xid");
    }

    @Override
    public RecordType type()
    {
        return RecordType.XA_ROLLED_BACK;
    }
}
