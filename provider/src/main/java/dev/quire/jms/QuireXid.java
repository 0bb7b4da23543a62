package dev.quire.jms;

import dev.quire.store.record.XidValue;

import javax.transaction.xa.Xid;
import java.util.Arrays;

/**
 * An XA branch id handed back to a transaction manager by {@code recover()}.
 */
final class QuireXid implements Xid
{
    private final int formatId;
    private final byte[] globalTransactionId;
    private final byte[] branchQualifier;

    QuireXid(final XidValue value)
    {
        this.formatId = value.formatId();
        this.globalTransactionId = value.globalTransactionId();
        this.branchQualifier = value.branchQualifier();
    }

    static XidValue valueOf(final Xid xid)
    {
        return new XidValue(xid.getFormatId(), xid.getGlobalTransactionId(), xid.getBranchQualifier());
    }

    @Override
    public int getFormatId()
    {
        return formatId;
    }

    @Override
    public byte[] getGlobalTransactionId()
    {
        return globalTransactionId.clone();
    }

    @Override
    public byte[] getBranchQualifier()
    {
        return branchQualifier.clone();
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof Xid that && formatId == that.getFormatId() &&
            Arrays.equals(globalTransactionId, that.getGlobalTransactionId()) &&
            Arrays.equals(branchQualifier, that.getBranchQualifier());
    }

    @Override
    public int hashCode()
    {
        return 31 * (31 * formatId + Arrays.hashCode(globalTransactionId)) + Arrays.hashCode(branchQualifier);
    }
}
