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

    @Override
    void close();
}
