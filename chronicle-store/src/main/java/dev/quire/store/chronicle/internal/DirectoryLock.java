package dev.quire.store.chronicle.internal;

import dev.quire.store.StoreException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive OS lock that makes one process, and one journal in it, the owner of a data directory.
 * The holder writes its pid into the lock file so that a refused opener can name it.
 */
public final class DirectoryLock implements AutoCloseable
{
    /** The name of the lock file inside the data directory. */
    public static final String FILE_NAME = "quire.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(final FileChannel channel, final FileLock lock)
    {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock or fails at once.
     *
     * @param directory the data directory.
     * @return the held lock.
     * @throws StoreException of kind LOCKED naming the holder when another process or another journal in
     *                        this JVM owns the directory, IO when the lock file cannot be used.
     */
    public static DirectoryLock acquire(final Path directory)
    {
        final Path file = directory.resolve(FILE_NAME);
        FileChannel channel = null;
        try
        {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            final FileLock lock = tryLock(channel, directory, file);
            if (lock == null)
            {
                throw locked(directory, "process " + readHolder(file));
            }
            final byte[] holder = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder), 0);
            channel.force(true);
            return new DirectoryLock(channel, lock);
        }
        catch (final IOException ex)
        {
            closeQuietly(channel);
            throw new StoreException(StoreException.Kind.IO, "cannot lock data directory " + directory + ": " + ex, ex);
        }
        catch (final RuntimeException ex)
        {
            closeQuietly(channel);
            throw ex;
        }
    }

    private static FileLock tryLock(final FileChannel channel, final Path directory, final Path file) throws IOException
    {
        try
        {
            return channel.tryLock();
        }
        catch (final OverlappingFileLockException ex)
        {
            throw locked(directory, "this process (pid " + readHolder(file) + "), which already has it open");
        }
    }

    private static StoreException locked(final Path directory, final String holder)
    {
        return new StoreException(StoreException.Kind.LOCKED, "data directory " + directory + " is in use by " + holder +
            "; only one journal may own a data directory at a time");
    }

    private static String readHolder(final Path file)
    {
        try
        {
            final String pid = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim();
            return pid.isEmpty() ? "an unknown pid" : pid;
        }
        catch (final IOException ex)
        {
            return "an unknown pid";
        }
    }

    private static void closeQuietly(final FileChannel channel)
    {
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignored)
            {
                // the open failure being reported is what matters
            }
        }
    }

    @Override
    public void close()
    {
        try
        {
            lock.release();
            channel.close();
        }
        catch (final IOException ex)
        {
            throw new StoreException(StoreException.Kind.IO, "cannot release the data directory lock: " + ex, ex);
        }
    }
}
