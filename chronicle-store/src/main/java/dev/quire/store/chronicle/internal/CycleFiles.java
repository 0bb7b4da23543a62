package dev.quire.store.chronicle.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The cycle files written since the last flush, and the means to force them to disk. Appenders register
 * each cycle they start writing; the flusher forces the files of a range of cycles, and the directory
 * itself when a new file appeared, so that the new file's name survives a power loss too.
 */
public final class CycleFiles implements AutoCloseable
{
    private final Path directory;
    private final ConcurrentSkipListMap<Integer, Path> files = new ConcurrentSkipListMap<>();
    private final Map<Integer, FileChannel> channels = new ConcurrentSkipListMap<>();
    private volatile boolean newFile;

    /**
     * @param directory the data directory.
     */
    public CycleFiles(final Path directory)
    {
        this.directory = directory;
    }

    /**
     * Records that {@code cycle} is written in {@code file}. Called by the appending thread.
     *
     * @param cycle the cycle.
     * @param file  its file.
     */
    public void register(final int cycle, final Path file)
    {
        if (files.putIfAbsent(cycle, file) == null)
        {
            newFile = true;
        }
    }

    /**
     * Forces the files of cycles {@code fromCycle..toCycle} to disk, then forgets the cycles before
     * {@code toCycle}, which will not be written again. Called by the flusher thread only.
     *
     * @param fromCycle the first cycle with records not yet on disk.
     * @param toCycle   the cycle of the last record to make durable.
     * @throws IOException when forcing fails; the journal can no longer promise durability.
     */
    public void force(final int fromCycle, final int toCycle) throws IOException
    {
        if (newFile)
        {
            newFile = false;
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ))
            {
                dir.force(true);
            }
        }
        for (final Map.Entry<Integer, Path> entry : files.subMap(fromCycle, true, toCycle, true).entrySet())
        {
            channelFor(entry.getKey(), entry.getValue()).force(false);
        }
        for (final Integer cycle : files.headMap(toCycle, false).keySet())
        {
            files.remove(cycle);
            final FileChannel channel = channels.remove(cycle);
            if (channel != null)
            {
                channel.close();
            }
        }
    }

    private FileChannel channelFor(final int cycle, final Path file) throws IOException
    {
        FileChannel channel = channels.get(cycle);
        if (channel == null)
        {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            channels.put(cycle, channel);
        }
        return channel;
    }

    @Override
    public void close()
    {
        for (final FileChannel channel : channels.values())
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignored)
            {
                // closing a channel opened only to force it loses nothing
            }
        }
        channels.clear();
        files.clear();
    }
}
