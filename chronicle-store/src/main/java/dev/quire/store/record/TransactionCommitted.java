package dev.quire.store.record;

import dev.quire.store.JournalRecord;
import dev.quire.store.RecordType;

import java.util.List;

/**
 * A local transaction committed. All its sends and acknowledgements are in this one record, so after a
 * crash either all of them happened or none did.
 *
 * @param transactionId the engine's transaction id.
 * @param sends         the messages sent in the transaction, in order.
 * @param acks          the acknowledgements made in the transaction.
 */
public record TransactionCommitted(long transactionId, List<MessageSent> sends, List<MessageAcknowledged> acks) implements JournalRecord
{
    /**
     * Takes unmodifiable copies of the lists.
     */
    public TransactionCommitted
    {
        sends = List.copyOf(sends);
        acks = List.copyOf(acks);
    }

    @Override
    public RecordType type()
    {
        return RecordType.TRANSACTION_COMMITTED;
    }
}
