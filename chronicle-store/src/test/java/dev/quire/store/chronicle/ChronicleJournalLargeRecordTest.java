package dev.quire.store.chronicle;

import dev.quire.store.Durability;
import dev.quire.store.Journal;
import dev.quire.store.JournalContext;
import dev.quire.store.JournalReader;
import dev.quire.store.JournalRecord;
import dev.quire.store.Records;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records large enough to be written beside the journal's mapping, mixed with small ones written through it.
 */
@Timeout(60)
class ChronicleJournalLargeRecordTest
{
    private static final int[] BODY_SIZES = {1024, 100 * 1024, 10, 300 * 1024, 20 * 1024, 16 * 1024, 5, 900 * 1024, 64};
    private static final int BLOCK_SIZE = 4 * 1024 * 1024;

    @TempDir
    Path directory;

    @Test
    void shouldReadBackLargeAndSmallRecordsInOrderAcrossChunksAndAfterReopen()
    {
        assertThat(5L * IntStream.of(BODY_SIZES).sum()).as("the records fill more than a chunk")
            .isGreaterThan(BLOCK_SIZE);
        final List<JournalRecord> appended = new ArrayList<>();
        final List<Long> positions = new ArrayList<>();
        try (ChronicleJournal journal = open())
        {
            for (int round = 0; round < 5; round++)
            {
                for (final int size : BODY_SIZES)
                {
                    final JournalRecord record = Records.sent(appended.size(), body(appended.size(), size));
                    positions.add(journal.append(record));
                    appended.add(record);
                }
            }
            journal.flush(journal.lastPosition());
            assertThat(readByPosition(journal, positions)).as("read at once").isEqualTo(appended);
        }

        try (ChronicleJournal reopened = open())
        {
            final List<JournalRecord> replayed = new ArrayList<>();
            reopened.replay(Journal.NO_POSITION, (position, record, origin) -> replayed.add(record));
            assertThat(replayed).as("replayed after reopening").isEqualTo(appended);
            assertThat(readByPosition(reopened, positions)).isEqualTo(appended);
        }
    }

    private ChronicleJournal open()
    {
        return ChronicleJournal.open(new JournalContext().directory(directory).durability(Durability.SYNC)
            .blockSize(BLOCK_SIZE).maxRecordSize(BLOCK_SIZE / 4).minFreeDiskBytes(0));
    }

    private static List<JournalRecord> readByPosition(final Journal journal, final List<Long> positions)
    {
        final List<JournalRecord> read = new ArrayList<>();
        try (JournalReader reader = journal.openReader())
        {
            positions.forEach(position -> read.add(reader.read(position)));
        }
        return read;
    }

    private static byte[] body(final long seed, final int size)
    {
        final byte[] body = new byte[size];
        new Random(seed).nextBytes(body);
        return body;
    }
}
