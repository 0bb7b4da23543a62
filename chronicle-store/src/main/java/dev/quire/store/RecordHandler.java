package dev.quire.store;

/**
 * Receives records during replay, in journal order.
 */
@FunctionalInterface
public interface RecordHandler
{
    /**
     * @param position the record's position in the journal.
     * @param record   the decoded record.
     * @param origin   the position at which the record was first appended: equal to {@code position} for
     *                 an original, lower for a copy made by compaction (however many times it was copied).
     *                 Origins order records as they were first written.
     */
    void onRecord(long position, JournalRecord record, long origin);
}
