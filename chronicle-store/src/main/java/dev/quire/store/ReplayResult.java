package dev.quire.store;

/**
 * What a replay found.
 *
 * @param records      how many complete records were handed to the handler.
 * @param lastPosition the position of the last record handed over, or {@link Journal#NO_POSITION}.
 * @param tornTail     true when, as this journal was opened, it ended in a partially written record (its
 *                     writer died while appending); that record was never handed to anyone and was cleared.
 */
public record ReplayResult(long records, long lastPosition, boolean tornTail)
{
}
