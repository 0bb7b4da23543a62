package dev.quire.store;

/**
 * Told when compaction has copied a live record forward, so the owner can update its index.
 */
@FunctionalInterface
public interface RelocationListener
{
    /**
     * @param oldPosition where the record was.
     * @param newPosition where its copy now is.
     */
    void relocated(long oldPosition, long newPosition);
}
