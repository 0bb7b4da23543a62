package dev.quire.store;

/**
 * Receives records during replay, in journal order.
 */
@FunctionalInterface
public interface RecordHandler
{
    /**
     * @param position       the record's position in the journal.
     * @param record         the decoded record.
     * @param copiedFrom     the position this record was copied from by compaction, or
     *                       {@link Journal#NO_POSITION} when the record is an original.
     */
    void onRecord(long position, JournalRecord record, long copiedFrom);
}
