package dev.quire.benchmarks.journal;

import dev.quire.benchmarks.BenchmarkDirectories;
import dev.quire.benchmarks.BenchmarkSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Path;

/**
 * The ceiling the journal is measured against: raw Chronicle Queue appends of an excerpt as long as the
 * journal's encoded 1 KiB message record, with the same roll cycle and block size, without and with an
 * msync after every append.
 */
public class RawChronicleAppendBenchmark extends BenchmarkSettings
{
    private Path directory;
    private RawChronicleQueue queue;

    /**
     * Opens a raw queue on a fresh directory.
     */
    @Setup(Level.Trial)
    public void open()
    {
        directory = BenchmarkDirectories.create("quire-raw-");
        queue = new RawChronicleQueue(directory);
    }

    /**
     * Closes the queue and deletes its directory.
     */
    @TearDown(Level.Trial)
    public void close()
    {
        queue.close();
        BenchmarkDirectories.delete(directory);
    }

    /**
     * @return the index, so the append cannot be optimised away.
     */
    @Benchmark
    public long append()
    {
        return queue.append();
    }

    /**
     * @return the index, so the append cannot be optimised away.
     */
    @Benchmark
    public long appendAndSync()
    {
        return queue.appendAndSync();
    }
}
