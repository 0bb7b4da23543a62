package dev.quire.benchmarks.journal;

import dev.quire.benchmarks.BenchmarkDirectories;
import dev.quire.benchmarks.BenchmarkSettings;
import dev.quire.store.Journal;
import dev.quire.store.chronicle.internal.RecordEnvelope;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
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
    private SingleChronicleQueue queue;
    private ExcerptAppender appender;
    private Bytes<?> excerpt;

    /**
     * Opens a raw queue on a fresh directory and prepares an excerpt of the journal record's size.
     */
    @Setup(Level.Trial)
    public void open()
    {
        directory = BenchmarkDirectories.create("quire-raw-");
        queue = SingleChronicleQueueBuilder.binary(directory)
            .rollCycle(RollCycles.FAST_HOURLY)
            .blockSize(64L << 20)
            .syncMode(SyncMode.SYNC)
            .build();
        appender = queue.createAppender();
        final RecordEnvelope envelope = new RecordEnvelope();
        envelope.encode(BenchmarkRecords.oneKibMessage());
        excerpt = Bytes.allocateElasticDirect();
        envelope.writeTo(BenchmarkRecords.oneKibMessage().type(), Journal.NO_POSITION, excerpt);
    }

    /**
     * Closes the queue and deletes its directory.
     */
    @TearDown(Level.Trial)
    public void close()
    {
        appender.close();
        queue.close();
        excerpt.releaseLast();
        BenchmarkDirectories.delete(directory);
    }

    /**
     * @return the index, so the append cannot be optimised away.
     */
    @Benchmark
    public long append()
    {
        appender.writeBytes(excerpt);
        return appender.lastIndexAppended();
    }

    /**
     * @return the index, so the append cannot be optimised away.
     */
    @Benchmark
    public long appendAndSync()
    {
        appender.writeBytes(excerpt);
        appender.sync();
        return appender.lastIndexAppended();
    }
}
