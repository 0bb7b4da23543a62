package dev.quire.benchmarks.journal;

import dev.quire.store.Durability;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Appends of a 1 KiB message record that do not wait for the disk ({@code none} and {@code async}
 * modes): the cost of encoding, checksumming and writing into Chronicle Queue. Compare with
 * {@link RawChronicleAppendBenchmark#append()} from the same run.
 */
public class JournalAppendBenchmark extends JournalFixture
{
    /** The durability mode under test. */
    @Param({"NONE", "ASYNC"})
    public Durability durability;

    @Override
    protected Durability durability()
    {
        return durability;
    }

    /**
     * @return the position, so the append cannot be optimised away.
     */
    @Benchmark
    public long append()
    {
        return journal.append(record);
    }
}
