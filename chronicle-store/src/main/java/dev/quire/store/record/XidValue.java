package dev.quire.store.record;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An XA transaction branch identifier as stored: a value type, independent of any transaction manager's
 * {@code Xid} implementation.
 *
 * @param formatId            the format id.
 * @param globalTransactionId the global transaction id (at most 64 bytes).
 * @param branchQualifier     the branch qualifier (at most 64 bytes).
 */
public record XidValue(int formatId, byte[] globalTransactionId, byte[] branchQualifier)
{
    private static final int MAX_PART_LENGTH = 64;

    /**
     * Checks the parts and copies them.
     */
    public XidValue
    {
        Objects.requireNonNull(globalTransactionId, "globalTransactionId");
        Objects.requireNonNull(branchQualifier, "branchQualifier");
        if (globalTransactionId.length > MAX_PART_LENGTH || branchQualifier.length > MAX_PART_LENGTH)
        {
            throw new IllegalArgumentException("an xid part must be at most 64 bytes");
        }
        globalTransactionId = globalTransactionId.clone();
        branchQualifier = branchQualifier.clone();
    }

    @Override
    public byte[] globalTransactionId()
    {
        return globalTransactionId.clone();
    }

    @Override
    public byte[] branchQualifier()
    {
        return branchQualifier.clone();
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof XidValue that &&
            formatId == that.formatId &&
            Arrays.equals(globalTransactionId, that.globalTransactionId) &&
            Arrays.equals(branchQualifier, that.branchQualifier);
    }

    @Override
    public int hashCode()
    {
        return 31 * (31 * formatId + Arrays.hashCode(globalTransactionId)) + Arrays.hashCode(branchQualifier);
    }

    @Override
    public String toString()
    {
        final HexFormat hex = HexFormat.of();
        return "Xid[" + formatId + ":" + hex.formatHex(globalTransactionId) + ":" + hex.formatHex(branchQualifier) + "]";
    }
}
