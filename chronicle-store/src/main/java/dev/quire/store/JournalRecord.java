package dev.quire.store;

/**
 * One change of durable broker state, as stored in the journal. The implementations are immutable
 * value types in {@code dev.quire.store.record}; each names its {@link RecordType}.
 */
public interface JournalRecord
{
    /**
     * @return the type of this record, which fixes its encoding.
     */
    RecordType type();
}
