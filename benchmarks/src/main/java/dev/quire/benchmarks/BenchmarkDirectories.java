package dev.quire.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Fresh data directories for benchmarks, deleted afterwards. They live under {@code quire.bench.dir}
 * (default: the system temporary directory) so that a run can be pointed at the disk being measured.
 * Shared by the journal and engine benchmarks.
 */
public final class BenchmarkDirectories
{
    private BenchmarkDirectories()
    {
    }

    /**
     * @param prefix the start of the directory's name.
     * @return a new empty directory under {@code quire.bench.dir}.
     */
    public static Path create(final String prefix)
    {
        try
        {
            final Path parent = Path.of(System.getProperty("quire.bench.dir", System.getProperty("java.io.tmpdir")));
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, prefix);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param directory a directory made by {@link #create(String)}; deleted with everything in it.
     */
    public static void delete(final Path directory)
    {
        try (Stream<Path> files = Files.walk(directory))
        {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
