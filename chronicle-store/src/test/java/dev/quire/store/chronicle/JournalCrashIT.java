package dev.quire.store.chronicle;

import dev.quire.store.ChildJvm;
import dev.quire.store.Durability;
import dev.quire.store.Journal;
import dev.quire.store.JournalContext;
import dev.quire.store.Records;
import dev.quire.store.ReplayResult;
import dev.quire.store.StoreException;
import dev.quire.store.record.MessageAcknowledged;
import dev.quire.store.record.MessageSent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Kills a child JVM that is appending, many times at random moments, and checks that everything it was
 * told is stored survives intact, exactly once, and that the journal goes on accepting appends.
 */
@Timeout(600)
class JournalCrashIT
{
    private static final int ROUNDS = 12;
    private static final MessageAcknowledged PROBE = new MessageAcknowledged("probe", 0);

    @TempDir
    Path directory;

    @TempDir
    Path logs;

    @ParameterizedTest
    @EnumSource(value = Durability.class, names = {"SYNC", "ASYNC"})
    void shouldKeepEveryAppendReportedStoredAcrossKills(final Durability durability) throws Exception
    {
        final Random random = new Random(durability.ordinal() * 7919L + System.nanoTime());
        final Map<Long, Long> promised = new HashMap<>();
        long nextSeq = 0;
        for (int round = 0; round < ROUNDS; round++)
        {
            try (ChildJvm child = ChildJvm.start(JournalCrashChild.class, logs.resolve("child.log"),
                "append", directory.toString(), durability.name(), Long.toString(nextSeq), "4"))
            {
                child.awaitLine("READY", Duration.ofSeconds(60));
                child.awaitLine("STORED", Duration.ofSeconds(60));
                Thread.sleep(random.nextInt(400));
                for (final String line : child.kill())
                {
                    if (line.startsWith("STORED "))
                    {
                        final String[] parts = line.split(" ");
                        promised.put(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                    }
                }
            }
            nextSeq = verify(promised) + 1;
        }
        assertThat(promised).hasSizeGreaterThan(ROUNDS);
    }

    /**
     * Checks the journal against what the child was told, then appends a probe record to show the
     * journal still accepts appends.
     *
     * @return the highest message sequence number stored.
     */
    private long verify(final Map<Long, Long> promised)
    {
        final Map<Long, Long> found = new HashMap<>();
        final List<Long> positions = new ArrayList<>();
        try (ChronicleJournal journal = ChronicleJournal.open(new JournalContext().directory(directory).minFreeDiskBytes(0)))
        {
            journal.replay(Journal.NO_POSITION, (position, record, origin) ->
            {
                positions.add(position);
                if (record instanceof MessageSent sent)
                {
                    assertThat(found.put(sent.messageSeq(), position)).as("seq %d stored twice", sent.messageSeq()).isNull();
                    assertThat(sent).isEqualTo(Records.sent(sent.messageSeq(), JournalCrashChild.bodyFor(sent.messageSeq())));
                }
                else
                {
                    assertThat(record).isEqualTo(PROBE);
                }
            });
            assertThat(positions).isSorted().doesNotHaveDuplicates();
            promised.forEach((seq, position) -> assertThat(found.get(seq))
                .as("seq %d reported stored at %d", seq, position).isEqualTo(position));
            final long probe = journal.append(PROBE);
            journal.awaitDurable(probe);
            assertThat(probe).isGreaterThan(positions.isEmpty() ? Journal.NO_POSITION : positions.get(positions.size() - 1));
        }
        return found.keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    @Test
    void shouldIgnoreAndClearTornTailLeftByKilledWriter() throws Exception
    {
        try (ChronicleJournal journal = ChronicleJournal.open(new JournalContext().directory(directory).minFreeDiskBytes(0)))
        {
            journal.awaitDurable(journal.append(Records.sent(1)));
            journal.awaitDurable(journal.append(Records.sent(2)));
        }
        try (ChildJvm child = ChildJvm.start(JournalCrashChild.class, logs.resolve("child.log"), "torn", directory.toString()))
        {
            child.awaitLine("READY", Duration.ofSeconds(60));
            child.kill();
        }
        final long third;
        try (ChronicleJournal journal = ChronicleJournal.open(new JournalContext().directory(directory).minFreeDiskBytes(0)))
        {
            assertThat(journal.hadTornTailAtOpen()).isTrue();
            final ReplayResult result = journal.replay(Journal.NO_POSITION, (p, r, c) -> { });
            assertThat(result.records()).isEqualTo(2);
            assertThat(result.tornTail()).isTrue();
            third = journal.append(Records.sent(3));
            journal.awaitDurable(third);
        }
        try (ChronicleJournal journal = ChronicleJournal.open(new JournalContext().directory(directory).minFreeDiskBytes(0)))
        {
            assertThat(journal.hadTornTailAtOpen()).isFalse();
            final List<Long> seqs = new ArrayList<>();
            journal.replay(Journal.NO_POSITION, (p, r, c) -> seqs.add(((MessageSent)r).messageSeq()));
            assertThat(seqs).containsExactly(1L, 2L, 3L);
            assertThat(journal.lastPosition()).isEqualTo(third);
        }
    }

    @Test
    void shouldRefuseDirectoryOwnedByAnotherProcessNamingItsPid() throws Exception
    {
        try (ChildJvm child = ChildJvm.start(JournalCrashChild.class, logs.resolve("child.log"), "hold", directory.toString()))
        {
            child.awaitLine("READY", Duration.ofSeconds(60));
            assertThatThrownBy(() -> ChronicleJournal.open(new JournalContext().directory(directory)))
                .isInstanceOfSatisfying(StoreException.class, ex -> assertThat(ex.kind()).isEqualTo(StoreException.Kind.LOCKED))
                .hasMessageContaining("process " + child.pid());
            child.kill();
        }
        try (ChronicleJournal journal = ChronicleJournal.open(new JournalContext().directory(directory).minFreeDiskBytes(0)))
        {
            assertThat(journal.lastPosition()).isEqualTo(Journal.NO_POSITION);
        }
    }
}
