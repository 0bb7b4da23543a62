package dev.quire.engine.internal;

import dev.quire.store.StoreException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file that says the broker last stopped cleanly. It is removed when the broker opens and written
 * when it closes, so finding it tells that no delivery was left unrecorded by a crash.
 */
public final class ShutdownMarker
{
    /** The marker's file name in the data directory. */
    public static final String FILE_NAME = "quire-clean-shutdown";

    private ShutdownMarker()
    {
    }

    /**
     * Removes the marker.
     *
     * @param directory the data directory, owned by the caller.
     * @return true when it was there: the last stop was clean.
     */
    public static boolean consume(final Path directory)
    {
        try
        {
            final boolean clean = Files.deleteIfExists(directory.resolve(FILE_NAME));
            if (clean)
            {
                forceDirectory(directory);
            }
            return clean;
        }
        catch (final IOException ex)
        {
            throw new StoreException(StoreException.Kind.IO, "cannot remove " + FILE_NAME + " in " + directory + ": " + ex, ex);
        }
    }

    /**
     * Writes the marker; the journal must be flushed first.
     *
     * @param directory the data directory, owned by the caller.
     */
    public static void write(final Path directory)
    {
        try
        {
            Files.write(directory.resolve(FILE_NAME), new byte[0]);
            forceDirectory(directory);
        }
        catch (final IOException ex)
        {
            throw new StoreException(StoreException.Kind.IO, "cannot write " + FILE_NAME + " in " + directory + ": " + ex, ex);
        }
    }

    private static void forceDirectory(final Path directory) throws IOException
    {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ))
        {
            channel.force(true);
        }
    }
}
