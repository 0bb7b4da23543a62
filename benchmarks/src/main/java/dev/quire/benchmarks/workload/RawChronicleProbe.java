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
public final class RawChronicleProbe extends DiskProbe
{
    private final String id;
    private final String title;
    private final DurableAppend append;

    private RawChronicleProbe(final String id, final String title, final DurableAppend append)
    {
        this.id = id;
        this.title = title;
        this.append = append;
    }

    /**
     * @return P2: append, then msync the excerpt's pages.
     */
    public static RawChronicleProbe msync()
    {
        return new RawChronicleProbe("P2", "raw Chronicle Queue append + msync per message",
            RawChronicleQueue::appendAndSync);
    }

    /**
     * @return P3: append, then fdatasync the cycle file (data, index and header).
     */
    public static RawChronicleProbe fdatasync()
    {
        return new RawChronicleProbe("P3", "raw Chronicle Queue append + fdatasync of its file per message",
            RawChronicleQueue::appendAndForceFile);
    }

    @Override
    public String id()
    {
        return id;
    }

    @Override
    public String title()
    {
        return title;
    }

    @Override
    protected DurableWrite open(final Path directory)
    {
        final RawChronicleQueue queue = new RawChronicleQueue(directory);
        return new DurableWrite()
        {
            @Override
            public void once() throws IOException
            {
                append.appendTo(queue);
            }

            @Override
            public void close()
            {
                queue.close();
            }
        };
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
