package dev.quire.benchmarks.journal;

import dev.quire.store.Durability;
import dev.quire.store.JournalContext;
import dev.quire.store.chronicle.ChronicleJournal;
import dev.quire.store.record.MessageSent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Appends of a 1 KiB message record that do not wait for the disk ({@code none} and {@code async}
 * modes): the cost of encoding, checksumming and writing into Chronicle Queue. Compare with
 * {@link RawChronicleAppendBenchmark#append()} from the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JournalAppendBenchmark
{
    @Param({"NONE", "ASYNC"})
    public Durability durability;

    private Path directory;
    private ChronicleJournal journal;
    private MessageSent record;

    /**
     * Opens a journal on a fresh directory.
     */
    @Setup(Level.Trial)
    public void open()
    {
        directory = BenchmarkDirectories.create("quire-append-");
        journal = ChronicleJournal.open(new JournalContext().directory(directory).durability(durability));
        record = BenchmarkRecords.oneKibMessage();
    }

    /**
     * Closes the journal and deletes its directory.
     */
    @TearDown(Level.Trial)
    public void close()
    {
        journal.close();
        BenchmarkDirectories.delete(directory);
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
