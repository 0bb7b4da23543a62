package dev.quire.benchmarks.journal;

import dev.quire.store.Journal;
import dev.quire.store.chronicle.internal.RecordEnvelope;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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
    private File forcedFile;
    private FileChannel forcedChannel;

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

    /**
     * Appends the excerpt and forces its cycle file to disk ({@code fdatasync}): the excerpt's pages and
     * every other page the append dirtied, Chronicle's index and header among them.
     *
     * @return its index.
     * @throws IOException when forcing fails.
     */
    public long appendAndForceFile() throws IOException
    {
        appender.writeBytes(excerpt);
        final File file = appender.currentFile();
        if (!file.equals(forcedFile))
        {
            closeForcedChannel();
            forcedChannel = FileChannel.open(file.toPath(), StandardOpenOption.WRITE);
            forcedFile = file;
        }
        forcedChannel.force(false);
        return appender.lastIndexAppended();
    }

    private void closeForcedChannel() throws IOException
    {
        if (forcedChannel != null)
        {
            forcedChannel.close();
        }
    }

    @Override
    public void close()
    {
        try
        {
            closeForcedChannel();
        }
        catch (final IOException ignored)
        {
            // the channel was only opened to force the file; closing it loses nothing
        }
        appender.close();
        queue.close();
        excerpt.releaseLast();
    }
}
