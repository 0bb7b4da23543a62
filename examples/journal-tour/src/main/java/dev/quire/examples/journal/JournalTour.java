package dev.quire.examples.journal;

import dev.quire.store.Durability;
import dev.quire.store.Journal;
import dev.quire.store.JournalContext;
import dev.quire.store.RecordType;
import dev.quire.store.ReplayResult;
import dev.quire.store.chronicle.ChronicleJournal;
import dev.quire.store.record.BodyType;
import dev.quire.store.record.MessageAcknowledged;
import dev.quire.store.record.MessageSent;
import dev.quire.store.record.StoredMessage;
import dev.quire.store.record.TransactionCommitted;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A tour of the journal that Quire's broker stands on: appends a few records in {@code sync} mode,
 * waits until they are on disk, closes, reopens the data directory and replays everything in it.
 * Run it twice: the second run finds the first run's records too.
 */
public final class JournalTour
{
    private JournalTour()
    {
    }

    /**
     * @param args the data directory (default {@code quire-data}).
     */
    public static void main(final String[] args)
    {
        final Path directory = Path.of(args.length > 0 ? args[0] : "quire-data").toAbsolutePath();
        final long firstSeq = System.currentTimeMillis() * 1000;

        System.out.println("Quire journal tour on " + directory);
        try (Journal journal = ChronicleJournal.open(new JournalContext().directory(directory).durability(Durability.SYNC)))
        {
            final long start = System.nanoTime();
            long last = Journal.NO_POSITION;
            for (int i = 0; i < 3; i++)
            {
                last = journal.append(new MessageSent(firstSeq + i, "orders", message("order #" + i, 9 - i)));
            }
            last = journal.append(new TransactionCommitted(1, List.of(
                new MessageSent(firstSeq + 3, "audit", message("audit entry", 4))),
                List.of(new MessageAcknowledged("orders", firstSeq))));
            journal.awaitDurable(last);
            System.out.printf("appended 4 records and synced them to disk in %.2f ms (last position %d)%n",
                (System.nanoTime() - start) / 1e6, last);
        }

        try (ChronicleJournal journal = ChronicleJournal.open(new JournalContext().directory(directory)))
        {
            final Map<RecordType, Integer> counts = new EnumMap<>(RecordType.class);
            final ReplayResult result = journal.replay(Journal.NO_POSITION, (position, record, copiedFrom) ->
            {
                counts.merge(record.type(), 1, Integer::sum);
                if (record instanceof MessageSent sent && sent.messageSeq() >= firstSeq)
                {
                    System.out.printf("  replayed %-14s at %d: %s priority %d, \"%s\"%n", record.type(), position,
                        sent.destination(), sent.message().priority(),
                        new String(sent.message().body(), StandardCharsets.UTF_8));
                }
                else if (record instanceof TransactionCommitted transaction)
                {
                    System.out.printf("  replayed %-14s at %d: %d send(s), %d ack(s) in one atomic record%n",
                        record.type(), position, transaction.sends().size(), transaction.acks().size());
                }
            });
            System.out.println("reopened journal " + journal.journalId() + ": " + result.records() +
                " records in " + journal.cycles().size() + " cycle file(s), by type " + counts +
                (result.tornTail() ? " (a torn tail from a crash was cleared)" : ""));
        }
    }

    private static StoredMessage message(final String text, final int priority)
    {
        return new StoredMessage(null, null, null, null, true, priority, System.currentTimeMillis(), 0, 0,
            Map.of("source", "journal-tour"), BodyType.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }
}
