package dev.quire.benchmarks.workload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The disk's ceiling for durable writes one at a time: append 1 KiB to a file and {@code fdatasync} it
 * ({@link FileChannel#force(boolean)} without metadata), again and again.
 */
public final class FsyncProbe
{
    private FsyncProbe()
    {
    }

    /**
     * @return P1.
     */
    public static DiskProbe probe()
    {
        return new DiskProbe("P1", "fsync ceiling: 1 KiB write + fdatasync, one at a time", FsyncProbe::open);
    }

    private static DiskProbe.DurableWrite open(final Path directory) throws IOException
    {
        final FileChannel channel = FileChannel.open(directory.resolve("fsync-probe"), StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
        final ByteBuffer block = ByteBuffer.allocateDirect(TimedMessages.DEFAULT_BODY_SIZE);
        return DiskProbe.DurableWrite.of(() ->
        {
            block.clear();
            while (block.hasRemaining())
            {
                channel.write(block);
            }
            channel.force(false);
        }, channel::close);
    }
}
