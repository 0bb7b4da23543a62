package dev.quire.engine.internal;

import dev.quire.store.Durability;
import dev.quire.store.JournalContext;
import dev.quire.store.chronicle.ChronicleJournal;
import dev.quire.store.record.BodyType;
import dev.quire.store.record.MessageSent;
import dev.quire.store.record.StoredMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class MessageReaderTest
{
    @TempDir
    Path directory;

    private ChronicleJournal journal;
    private MessageReader reader;

    @BeforeEach
    void open()
    {
        journal = ChronicleJournal.open(new JournalContext().directory(directory).durability(Durability.NONE)
            .minFreeDiskBytes(0));
        reader = new MessageReader(journal);
    }

    @AfterEach
    void close()
    {
        reader.close();
        journal.close();
    }

    @Test
    void shouldServeAMessageJustWrittenWithoutReadingItBack()
    {
        final StoredMessage message = message(1024);
        final MessageRef ref = written(7, message);

        assertThat(reader.read(ref)).isSameAs(message);
    }

    @Test
    void shouldReadFromTheJournalOnceTheRingHasMovedOn()
    {
        final StoredMessage first = message(16);
        final MessageRef ref = written(1, first);
        for (long seq = 2; seq <= MessageReader.RECENT + 1; seq++)
        {
            written(seq, message(16));
        }

        assertThat(reader.read(ref)).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void shouldNotKeepBodiesBeyondTheBudget()
    {
        final StoredMessage large = message((int)(MessageReader.RECENT_BODY_BYTES / 2) + 1);
        final MessageRef kept = written(1, large);
        final MessageRef notKept = written(2, large);

        assertThat(reader.read(kept)).isSameAs(large);
        assertThat(reader.read(notKept)).isNotSameAs(large).isEqualTo(large);
    }

    @Test
    void shouldNotServeAMessageForAnotherPosition()
    {
        final StoredMessage message = message(64);
        final MessageRef ref = written(3, message);
        final StoredMessage other = message(32);
        ref.position = journal.append(new MessageSent(3, "q", other));

        assertThat(reader.read(ref)).isEqualTo(other);
    }

    private MessageRef written(final long seq, final StoredMessage message)
    {
        final long position = journal.append(new MessageSent(seq, "q", message));
        reader.written(position, seq, message);
        final MessageRef ref = new MessageRef(seq, message, true);
        ref.position = position;
        return ref;
    }

    private static StoredMessage message(final int bodySize)
    {
        return new StoredMessage("ID:" + bodySize, null, null, null, true, 4, 1L, 0L, 0L, Map.of("k", "v"),
            BodyType.BYTES, new byte[bodySize]);
    }
}
