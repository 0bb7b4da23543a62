package dev.quire.store.chronicle;

import dev.quire.store.StoreException;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.Wires;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Finds and clears a partially written record at the end of the journal, left by a writer that died
 * while appending. Chronicle publishes a record by setting its header last, so such a record is either
 * a header still marked "not complete" or a zero header followed by the bytes written so far. Readers
 * never take either for a record; clearing the bytes makes the end of the journal clean again so that a
 * later append cannot end just before stale bytes. Safe only for the owner of the directory lock.
 */
final class TornTail
{
    private static final int ZERO_CHUNK = 1 << 20;

    private TornTail()
    {
    }

    /**
     * @param queue         the queue, opened by the directory's owner.
     * @param maxRecordSize the largest record that can have been written.
     * @return true when a torn record was found and cleared.
     */
    static boolean clear(final SingleChronicleQueue queue, final int maxRecordSize)
    {
        final long lastIndex = queue.lastIndex();
        if (lastIndex < 0)
        {
            return false;
        }
        try (ExcerptTailer tailer = queue.createTailer())
        {
            if (!tailer.moveToIndex(lastIndex))
            {
                return false;
            }
            final long headerOffset;
            final boolean torn;
            try (DocumentContext document = tailer.readingDocument())
            {
                if (!document.isPresent())
                {
                    return false;
                }
                final Bytes<?> bytes = document.wire().bytes();
                headerOffset = (bytes.readLimit() + 3) & ~3L;
                final int header = bytes.readVolatileInt(headerOffset);
                torn = header == 0 ? bytes.readVolatileInt(headerOffset + 4) != 0 : Wires.isNotComplete(header);
            }
            if (torn)
            {
                zero(tailer.currentFile(), headerOffset, 4L + maxRecordSize + Integer.BYTES);
            }
            return torn;
        }
    }

    private static void zero(final File file, final long offset, final long length)
    {
        try (FileChannel channel = FileChannel.open(file.toPath(), StandardOpenOption.WRITE))
        {
            final long end = Math.min(channel.size(), offset + length);
            final ByteBuffer zeros = ByteBuffer.allocate(ZERO_CHUNK);
            for (long position = offset; position < end; position += ZERO_CHUNK)
            {
                zeros.clear().limit((int)Math.min(ZERO_CHUNK, end - position));
                while (zeros.hasRemaining())
                {
                    channel.write(zeros, position + zeros.position());
                }
            }
            channel.force(false);
        }
        catch (final IOException ex)
        {
            throw new StoreException(StoreException.Kind.IO, "cannot clear the torn record at the end of " + file + ": " + ex, ex);
        }
    }
}
