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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Durable appends in {@code sync} mode: each writer appends a 1 KiB message record and waits until it is
 * on disk. With one writer every append pays a whole {@code fdatasync}; with sixteen, writers waiting
 * at the same moment share one (group commit), so the total rate should grow several times.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SyncAppendBenchmark
{
    private Path directory;
    private ChronicleJournal journal;
    private MessageSent record;

    /**
     * Opens a sync-mode journal on a fresh directory.
     */
    @Setup(Level.Trial)
    public void open()
    {
        directory = BenchmarkDirectories.create("quire-sync-");
        journal = ChronicleJournal.open(new JournalContext().directory(directory).durability(Durability.SYNC));
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
