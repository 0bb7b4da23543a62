package dev.quire.store.chronicle;

import dev.quire.store.Durability;
import dev.quire.store.JournalContext;
import dev.quire.store.Records;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the kernel sees of the journal's memory mappings ({@code /proc/self/smaps}).
 */
@Timeout(60)
@EnabledOnOs(OS.LINUX)
class ChronicleJournalMappingTest
{
    @TempDir
    Path directory;

    @Test
    void shouldTurnReadaheadOffForTheMappingItAppendsThrough() throws IOException
    {
        try (ChronicleJournal journal = ChronicleJournal.open(
            new JournalContext().directory(directory).durability(Durability.SYNC).minFreeDiskBytes(0)))
        {
            await().atMost(Duration.ofSeconds(30)).until(() ->
            {
                journal.append(Records.sent(1));
                return mappingFlagsOfCycleFiles().stream().anyMatch(flags -> flags.contains(" rr"));
            });

            assertThat(mappingFlagsOfCycleFiles()).allMatch(flags -> flags.contains(" rr"));
        }
    }

    @Test
    void shouldHaveThePagesAheadOfTheAppenderFaultedInOffItsThread() throws IOException
    {
        assumeTrue(kernelAtLeast(5, 14), "MADV_POPULATE_WRITE needs Linux 5.14");
        try (ChronicleJournal journal = ChronicleJournal.open(
            new JournalContext().directory(directory).durability(Durability.SYNC).minFreeDiskBytes(0)))
        {
            await().atMost(Duration.ofSeconds(30)).until(() ->
            {
                journal.append(Records.sent(1, new byte[1024]));
                return residentKibOfCycleFiles() > 0;
            });
            final long before = residentKibOfCycleFiles();
            for (int i = 0; i < 16; i++)
            {
                journal.flush(journal.append(Records.sent(i, new byte[1024])));
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> residentKibOfCycleFiles() - before >= 128);
        }
    }

    private static boolean kernelAtLeast(final int major, final int minor)
    {
        final String[] version = System.getProperty("os.version").split("[.-]");
        final int actualMajor = Integer.parseInt(version[0]);
        return actualMajor > major || actualMajor == major && Integer.parseInt(version[1]) >= minor;
    }

    /**
     * @return the {@code VmFlags} line of every mapping of a cycle file in the test's directory.
     */
    private List<String> mappingFlagsOfCycleFiles() throws IOException
    {
        final List<String> flags = cycleFileMappingLines("VmFlags:");
        assertThat(flags).as("mappings of the cycle files").isNotEmpty();
        return flags;
    }

    /**
     * @return the resident size of the mappings of the cycle files, in KiB.
     */
    private long residentKibOfCycleFiles() throws IOException
    {
        return cycleFileMappingLines("Rss:").stream()
            .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
            .sum();
    }

    /**
     * @return the lines starting with {@code key} of every mapping of a cycle file in the test's directory.
     */
    private List<String> cycleFileMappingLines(final String key) throws IOException
    {
        final List<String> lines = new ArrayList<>();
        boolean inCycleFile = false;
        for (final String line : Files.readAllLines(Path.of("/proc/self/smaps")))
        {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*"))
            {
                inCycleFile = line.contains(directory.toString()) && line.endsWith(".cq4");
            }
            else if (inCycleFile && line.startsWith(key))
            {
                lines.add(line);
            }
        }
        return lines;
    }
}
