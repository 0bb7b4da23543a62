package dev.quire.benchmarks.journal;

import dev.quire.store.Journal;
import dev.quire.store.chronicle.internal.RecordEnvelope;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

import java.nio.file.Path;

/**
 * The ceiling the journal is measured against: a raw Chronicle Queue with the journal's roll cycle and
 * block size, appending an excerpt as long as the journal's encoded 1 KiB message record, with or
 * without an msync after each append. Used by the JMH benchmark and by the workload runner's probe.
 */
public final class RawChronicleQueue implements AutoCloseable
{
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final Bytes<?> excerpt;

    /**
     * @param directory an empty directory for the queue.
     */
    public RawChronicleQueue(final Path directory)
    {
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
     * Appends the excerpt.
     *
     * @return its index.
     */
    public long append()
    {
        appender.writeBytes(excerpt);
        return appender.lastIndexAppended();
    }

    /**
     * Appends the excerpt and msyncs it to disk.
     *
     * @return its index.
     */
    public long appendAndSync()
    {
        appender.writeBytes(excerpt);
        appender.sync();
        return appender.lastIndexAppended();
    }

    @Override
    public void close()
    {
        appender.close();
        queue.close();
        excerpt.releaseLast();
    }
}
