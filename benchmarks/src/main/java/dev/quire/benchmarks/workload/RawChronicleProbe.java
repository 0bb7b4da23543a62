package dev.quire.benchmarks.workload;

import dev.quire.benchmarks.journal.RawChronicleQueue;

import java.nio.file.Path;

/**
 * The ceiling for W1: raw Chronicle Queue append of an excerpt as long as the journal's 1 KiB message
 * record, followed by an msync of it, one at a time — the least a durable journal on Chronicle can do
 * per synchronous send.
 */
public final class RawChronicleProbe extends DiskProbe
{
    @Override
    public String id()
    {
        return "P2";
    }

    @Override
    public String title()
    {
        return "raw Chronicle Queue append + msync per message";
    }

    @Override
    protected DurableWrite open(final Path directory)
    {
        final RawChronicleQueue queue = new RawChronicleQueue(directory);
        return new DurableWrite()
        {
            @Override
            public void once()
            {
                queue.appendAndSync();
            }

            @Override
            public void close()
            {
                queue.close();
            }
        };
    }
}
