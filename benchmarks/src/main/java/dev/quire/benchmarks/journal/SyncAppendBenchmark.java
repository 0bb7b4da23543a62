package dev.quire.benchmarks.journal;

import dev.quire.store.Durability;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Threads;

/**
 * Durable appends in {@code sync} mode: each writer appends a 1 KiB message record and waits until it is
 * on disk. With one writer every append pays a whole {@code fdatasync}; with sixteen, writers waiting
 * at the same moment share one (group commit), so the total rate should grow several times.
 */
public class SyncAppendBenchmark extends JournalFixture
{
    @Override
    protected Durability durability()
    {
        return Durability.SYNC;
    }

    /**
     * @return the position.
     */
    @Benchmark
    @Threads(1)
    public long oneWriter()
    {
        return appendDurably();
    }

    /**
     * @return the position.
     */
    @Benchmark
    @Threads(16)
    public long sixteenWriters()
    {
        return appendDurably();
    }

    private long appendDurably()
    {
        final long position = journal.append(record);
        journal.awaitDurable(position);
        return position;
    }
}
