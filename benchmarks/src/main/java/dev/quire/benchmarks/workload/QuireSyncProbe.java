package dev.quire.benchmarks.workload;

import dev.quire.benchmarks.journal.BenchmarkRecords;
import dev.quire.engine.Broker;
import dev.quire.engine.BrokerContext;
import dev.quire.store.Durability;
import dev.quire.store.JournalContext;
import dev.quire.store.chronicle.ChronicleJournal;
import dev.quire.store.record.DestinationKind;
import dev.quire.store.record.MessageSent;
import dev.quire.store.record.StoredMessage;

import java.nio.file.Path;

/**
 * The steps between the raw ceiling (P3) and W1, one synchronous durable 1 KiB message at a time and no
 * consumer, so that a report shows where a synchronous send's time goes. P4 appends to Quire's journal
 * and waits for the group-commit flusher: P3 plus the journal's record encoding and the hand-off to the
 * flusher thread and back. P5 sends through the broker API (no JMS): P4 plus the hand-off to the engine
 * thread and its routing. W4's send phase adds the JMS layer, and W1 a consumer on the same cores.
 */
public final class QuireSyncProbe
{
    private static final String QUEUE = "probe";

    private QuireSyncProbe()
    {
    }

    /**
     * @return P4: append to the journal in {@code sync} mode and wait until the flusher has it on disk.
     */
    public static DiskProbe journal()
    {
        return new DiskProbe("P4", "Quire journal append + wait for its flusher, one at a time",
            QuireSyncProbe::openJournal);
    }

    /**
     * @return P5: send a persistent message through the broker API and wait until it is stored.
     */
    public static DiskProbe broker()
    {
        return new DiskProbe("P5", "Quire broker send (no JMS, no consumer), persistent, sync, one at a time",
            QuireSyncProbe::openBroker);
    }

    private static JournalContext syncJournal(final Path directory)
    {
        return new JournalContext().directory(directory).durability(Durability.SYNC);
    }

    private static DiskProbe.DurableWrite openJournal(final Path directory)
    {
        final ChronicleJournal journal = ChronicleJournal.open(syncJournal(directory));
        final MessageSent record = BenchmarkRecords.oneKibMessage();
        return DiskProbe.DurableWrite.of(() -> journal.awaitDurable(journal.append(record)), journal::close);
    }

    private static DiskProbe.DurableWrite openBroker(final Path directory)
    {
        final Broker broker = Broker.open(new BrokerContext().journal(syncJournal(directory)));
        final StoredMessage message = BenchmarkRecords.oneKibMessage().message();
        return DiskProbe.DurableWrite.of(() -> broker.send(DestinationKind.QUEUE, QUEUE, message, 0).join(),
            broker::close);
    }
}
