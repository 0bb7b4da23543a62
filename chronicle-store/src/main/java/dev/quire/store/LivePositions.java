package dev.quire.store;

import java.util.function.LongConsumer;

/**
 * The journal owner's answer to "which records do you still need?", asked during compaction.
 */
@FunctionalInterface
public interface LivePositions
{
    /**
     * Calls {@code action} for every position in {@code [fromInclusive, toExclusive)} that is still live,
     * in ascending order.
     *
     * @param fromInclusive lowest position of the range.
     * @param toExclusive   first position after the range.
     * @param action        receives each live position.
     */
    void forEachLive(long fromInclusive, long toExclusive, LongConsumer action);
}
