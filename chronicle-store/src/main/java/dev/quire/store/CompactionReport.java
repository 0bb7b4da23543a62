package dev.quire.store;

/**
 * What one compaction pass did.
 *
 * @param cyclesDeleted   how many cycle files were deleted.
 * @param recordsCopied   how many live records were copied forward out of old cycles.
 * @param bytesReclaimed  the size on disk of the deleted cycle files.
 */
public record CompactionReport(int cyclesDeleted, long recordsCopied, long bytesReclaimed)
{
}
