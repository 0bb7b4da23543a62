package dev.quire.store;

import java.nio.file.Path;

/**
 * One cycle file of the journal.
 *
 * @param cycle         the cycle number.
 * @param file          the file holding the cycle.
 * @param firstPosition the first position a record of this cycle can have.
 * @param endPosition   the first position after this cycle (exclusive upper bound).
 * @param current       true for the cycle being written to, which is never deleted.
 */
public record CycleInfo(int cycle, Path file, long firstPosition, long endPosition, boolean current)
{
    /**
     * @param position a journal position.
     * @return true when the position belongs to this cycle.
     */
    public boolean contains(final long position)
    {
        return position >= firstPosition && position < endPosition;
    }
}
