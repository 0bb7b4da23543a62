package dev.quire.store;

/**
 * Reads records by position. Not thread safe: one reader per reading thread.
 */
public interface JournalReader extends AutoCloseable
{
    /**
     * @param position a position returned by {@link Journal#append(JournalRecord)} or seen in replay.
     * @return the record stored there.
     * @throws StoreException of kind CORRUPT when no complete record is at that position (never written,
     *                        or its cycle was reclaimed).
     */
    JournalRecord read(long position);

    /**
     * @return the origin of the record last {@link #read(long) read}: the position it was first appended
     *         at, which differs from the position read only for a compaction copy.
     */
    long lastOrigin();

    @Override
    void close();
}
