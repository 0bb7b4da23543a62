package dev.quire.store.chronicle.internal;

import dev.quire.store.StoreException;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.UUID;

/**
 * The file that marks a directory as a Quire journal: its format version and a unique journal id.
 * A directory with journal files but no marker is someone else's, and is refused rather than misread.
 */
public final class JournalMarker
{
    /** The marker's file name. */
    public static final String FILE_NAME = "quire-journal.properties";
    /** The on-disk format this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private static final String FORMAT_KEY = "format";
    private static final String ID_KEY = "journalId";

    private JournalMarker()
    {
    }

    /**
     * Reads the marker of an existing journal or writes one for a new (empty) directory.
     *
     * @param directory the data directory, already locked by the caller.
     * @return the journal id.
     */
    public static String readOrCreate(final Path directory)
    {
        final Path file = directory.resolve(FILE_NAME);
        try
        {
            if (Files.exists(file))
            {
                return read(file);
            }
            if (holdsJournalFiles(directory))
            {
                throw new StoreException(StoreException.Kind.CORRUPT, "directory " + directory +
                    " holds Chronicle Queue files but no " + FILE_NAME + ": it is not a Quire journal");
            }
            final String id = UUID.randomUUID().toString();
            final Properties properties = new Properties();
            properties.setProperty(FORMAT_KEY, Integer.toString(FORMAT_VERSION));
            properties.setProperty(ID_KEY, id);
            final Path temp = directory.resolve(FILE_NAME + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8))
            {
                properties.store(writer, "Quire journal: do not edit or delete");
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return id;
        }
        catch (final IOException ex)
        {
            throw new StoreException(StoreException.Kind.IO, "cannot read or write " + file + ": " + ex, ex);
        }
    }

    private static String read(final Path file) throws IOException
    {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        final String format = properties.getProperty(FORMAT_KEY);
        final String id = properties.getProperty(ID_KEY);
        if (format == null || id == null || id.isBlank())
        {
            throw new StoreException(StoreException.Kind.CORRUPT, file + " is damaged: it lacks '" + FORMAT_KEY +
                "' or '" + ID_KEY + "'");
        }
        if (!format.trim().equals(Integer.toString(FORMAT_VERSION)))
        {
            throw new StoreException(StoreException.Kind.VERSION, "journal in " + file.getParent() + " has format " +
                format.trim() + "; this Quire reads format " + FORMAT_VERSION);
        }
        return id.trim();
    }

    private static boolean holdsJournalFiles(final Path directory) throws IOException
    {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.{cq4,cq4t}"))
        {
            return files.iterator().hasNext();
        }
    }
}
