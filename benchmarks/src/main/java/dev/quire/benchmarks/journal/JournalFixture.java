package dev.quire.benchmarks.journal;

import dev.quire.benchmarks.BenchmarkDirectories;
import dev.quire.benchmarks.BenchmarkSettings;
import dev.quire.store.Durability;
import dev.quire.store.JournalContext;
import dev.quire.store.chronicle.ChronicleJournal;
import dev.quire.store.record.MessageSent;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A journal on a fresh directory for each benchmark trial, deleted afterwards, and the 1 KiB message
 * record to append to it.
 */
public abstract class JournalFixture extends BenchmarkSettings
{
    /** The journal under test. */
    protected ChronicleJournal journal;
    /** The record appended. */
    protected MessageSent record;
    private Path directory;

    /**
     * @return the durability mode to open the journal with.
     */
    protected abstract Durability durability();

    /**
     * Opens the journal.
     */
    @Setup(Level.Trial)
    public void open()
    {
        directory = BenchmarkDirectories.create("quire-" + durability().name().toLowerCase(Locale.ROOT) + "-");
        journal = ChronicleJournal.open(new JournalContext().directory(directory).durability(durability()));
        record = BenchmarkRecords.oneKibMessage();
    }

    /**
     * Closes the journal and deletes its directory.
     */
    @TearDown(Level.Trial)
    public void close()
    {
        journal.close();
        BenchmarkDirectories.delete(directory);
    }
}
