package dev.quire.benchmarks.workload;

import dev.quire.benchmarks.journal.RawChronicleQueue;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The ceilings for W1: raw Chronicle Queue appends of an excerpt as long as the journal's 1 KiB message
 * record, one at a time, each made durable before the next. {@link #msync()} (P2) msyncs only the pages
 * the excerpt was written to, the least a journal on Chronicle can do per synchronous send; it leaves
 * Chronicle's index and header (the write position) in the page cache. {@link #fdatasync()} (P3) forces
 * the whole cycle file, so those are durable too, which is what the journal's flush does.
 */
public final class RawChronicleProbe
{
    private RawChronicleProbe()
    {
    }

    /**
     * @return P2: append, then msync the excerpt's pages.
     */
    public static DiskProbe msync()
    {
        return new DiskProbe("P2", "raw Chronicle Queue append + msync per message",
            directory -> open(directory, RawChronicleQueue::appendAndSync));
    }

    /**
     * @return P3: append, then fdatasync the cycle file (data, index and header).
     */
    public static DiskProbe fdatasync()
    {
        return new DiskProbe("P3", "raw Chronicle Queue append + fdatasync of its file per message",
            directory -> open(directory, RawChronicleQueue::appendAndForceFile));
    }

    private static DiskProbe.DurableWrite open(final Path directory, final DurableAppend append)
    {
        final RawChronicleQueue queue = new RawChronicleQueue(directory);
        return DiskProbe.DurableWrite.of(() -> append.appendTo(queue), queue::close);
    }

    /**
     * One append of the excerpt, made durable before it returns.
     */
    @FunctionalInterface
    private interface DurableAppend
    {
        /**
         * @return the excerpt's index.
         * @throws IOException when making it durable fails.
         */
        long appendTo(RawChronicleQueue queue) throws IOException;
    }
}
