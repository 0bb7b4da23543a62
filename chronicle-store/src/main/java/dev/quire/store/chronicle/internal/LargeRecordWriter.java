package dev.quire.store.chronicle.internal;

import net.openhft.chronicle.core.OS;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Writes the frames of large records into their cycle file with positional writes ({@code pwrite}) instead
 * of through the file's memory mapping; Chronicle still writes the record's header, its index and its
 * write position through the mapping, and readers read it all through the mapping as before.
 * <p>
 * Every page written through a shared mapping gets a writable, dirty page-table entry, and writing such a
 * page back ({@code fdatasync}) write-protects it again, which costs a TLB shoot-down: an inter-processor
 * interrupt to every other CPU running a thread of this process. In a virtual machine each one exits to the
 * hypervisor; on the 2-vCPU development VM one cost about 10 µs (a bare C program: 100 KiB stored through a
 * mapping, then {@code fdatasync}, 159 µs at p50 alone and 403 µs with a second thread of the process busy on
 * the other CPU, against 115–149 µs for the same bytes written with {@code pwrite}). A transacted producer
 * committing 100 messages of 1 KiB appends a 100 KiB record, 25 pages, so its flushes spent most of their
 * time on these interrupts. Pages written with {@code pwrite} have no page-table entry to clean. Small
 * records stay on the mapping: a system call per record costs the appending thread more than the one or
 * two pages it dirties cost the flusher, and they benefit from pages populated ahead
 * ({@link AppendMappingAdvice}), which large records must not use (populated pages have entries too).
 * <p>
 * Linux only: there the page cache the mapping shows is the one {@code pwrite} writes into, so readers of
 * the mapping see the bytes at once, before Chronicle's header marks the record complete. Elsewhere
 * {@link #suits(int)} is always false. Used by the appending thread, under the journal's append lock.
 */
public final class LargeRecordWriter implements AutoCloseable
{
    /** The smallest frame written beside the mapping: four pages. */
    static final int MIN_FRAME_BYTES = 16 * 1024;
    /** The most bytes passed to one write, which bounds the JDK's temporary direct buffer per thread. */
    static final int MAX_WRITE_BYTES = 256 * 1024;

    private final boolean enabled;
    private File file;
    private FileChannel channel;

    /**
     * A writer that takes large frames on Linux.
     */
    public LargeRecordWriter()
    {
        this(OS.isLinux());
    }

    /**
     * @param enabled whether it takes any frame at all.
     */
    LargeRecordWriter(final boolean enabled)
    {
        this.enabled = enabled;
    }

    /**
     * @param frameLength the length of a record's frame.
     * @return true when the frame should be written with {@link #write}.
     */
    public boolean suits(final int frameLength)
    {
        return enabled && frameLength >= MIN_FRAME_BYTES;
    }

    /**
     * Writes a frame at a position of a cycle file; the caller then moves the appender past it.
     *
     * @param cycleFile the file the appender writes.
     * @param frame     the frame, from its position to its limit; consumed.
     * @param position  the file offset of the frame's first byte.
     * @throws IOException when the file cannot be opened or written.
     */
    public void write(final File cycleFile, final ByteBuffer frame, final long position) throws IOException
    {
        final FileChannel target = channelFor(cycleFile);
        final int start = frame.position();
        final int limit = frame.limit();
        while (frame.position() < limit)
        {
            frame.limit(Math.min(limit, frame.position() + MAX_WRITE_BYTES));
            target.write(frame, position + frame.position() - start);
            frame.limit(limit);
        }
    }

    /**
     * @return the channel of {@code cycleFile}, opened again when the appender moved to another file or when
     * an interrupt closed it (a thread interrupted during a write closes the channel; that write fails, the
     * next one reopens it).
     */
    private FileChannel channelFor(final File cycleFile) throws IOException
    {
        if (!cycleFile.equals(file) || !channel.isOpen())
        {
            close();
            channel = FileChannel.open(cycleFile.toPath(), StandardOpenOption.WRITE);
            file = cycleFile;
        }
        return channel;
    }

    /**
     * Closes the channel of the cycle file written last.
     */
    @Override
    public void close()
    {
        final FileChannel open = channel;
        channel = null;
        file = null;
        if (open != null)
        {
            try
            {
                open.close();
            }
            catch (final IOException ignored)
            {
                // what was written is in the page cache, and the flusher forces the file through its own channel
            }
        }
    }
}
