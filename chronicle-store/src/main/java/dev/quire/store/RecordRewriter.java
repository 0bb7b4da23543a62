package dev.quire.store;

/**
 * Lets the owner reduce a live record while compaction copies it forward, for example a transaction
 * record of which only some messages are still live.
 */
@FunctionalInterface
public interface RecordRewriter
{
    /** Copies every record as it is. */
    RecordRewriter VERBATIM = (position, record) -> record;

    /**
     * @param position the record's current position.
     * @param record   the record.
     * @return the record to write in its place (the same instance to copy it as it is).
     */
    JournalRecord rewrite(long position, JournalRecord record);
}
