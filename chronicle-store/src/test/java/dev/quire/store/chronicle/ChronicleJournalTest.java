package dev.quire.store.chronicle;

import dev.quire.store.Durability;
import dev.quire.store.Journal;
import dev.quire.store.JournalContext;
import dev.quire.store.JournalReader;
import dev.quire.store.JournalRecord;
import dev.quire.store.MessageReplayHandler;
import dev.quire.store.Records;
import dev.quire.store.ReplayResult;
import dev.quire.store.ReplayedMessage;
import dev.quire.store.StoreException;
import dev.quire.store.record.DestinationCreated;
import dev.quire.store.record.DestinationKind;
import dev.quire.store.record.MessageAcknowledged;
import dev.quire.store.record.TransactionCommitted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class ChronicleJournalTest
{
    @TempDir
    Path directory;

    private final List<Journal> opened = new ArrayList<>();

    @AfterEach
    void closeJournals()
    {
        opened.forEach(Journal::close);
    }

    private ChronicleJournal open(final Durability durability)
    {
        final ChronicleJournal journal = ChronicleJournal.open(
            new JournalContext().directory(directory).durability(durability).minFreeDiskBytes(0));
        opened.add(journal);
        return journal;
    }

    private static List<JournalRecord> replayAll(final Journal journal)
    {
        final List<JournalRecord> records = new ArrayList<>();
        journal.replay(Journal.NO_POSITION, (position, record, origin) -> records.add(record));
        return records;
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void shouldReplayAppendedRecordsInOrderAfterReopen(final Durability durability)
    {
        final Journal journal = open(durability);
        final List<Long> positions = new ArrayList<>();
        for (int i = 0; i < 100; i++)
        {
            final long position = journal.append(Records.sent(i));
            journal.awaitDurable(position);
            positions.add(position);
        }
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(journal.lastPosition()).isEqualTo(positions.get(99));
        journal.close();

        final Journal reopened = open(durability);
        final List<Long> replayed = new ArrayList<>();
        final List<JournalRecord> records = new ArrayList<>();
        final ReplayResult result = reopened.replay(Journal.NO_POSITION, (position, record, origin) ->
        {
            replayed.add(position);
            records.add(record);
            assertThat(origin).isEqualTo(position);
        });
        assertThat(replayed).isEqualTo(positions);
        assertThat(records).hasSize(100).first().isEqualTo(Records.sent(0));
        assertThat(result.records()).isEqualTo(100);
        assertThat(result.lastPosition()).isEqualTo(positions.get(99));
        assertThat(result.tornTail()).isFalse();
    }

    @Test
    void shouldReplayFromAGivenPosition()
    {
        final Journal journal = open(Durability.NONE);
        final long[] positions = new long[10];
        for (int i = 0; i < 10; i++)
        {
            positions[i] = journal.append(Records.sent(i));
        }
        final List<Long> replayed = new ArrayList<>();
        journal.replay(positions[6], (position, record, origin) -> replayed.add(position));
        assertThat(replayed).containsExactly(positions[6], positions[7], positions[8], positions[9]);
        assertThat(journal.replay(positions[9] + 1, (position, record, origin) -> replayed.add(-1L)).records()).isZero();
    }

    @Test
    void shouldReplayOnlyRequestedTypes()
    {
        final Journal journal = open(Durability.NONE);
        journal.append(Records.sent(1));
        final long ack = journal.append(new MessageAcknowledged("orders", 1));
        journal.append(Records.sent(2));
        final List<Long> replayed = new ArrayList<>();
        final ReplayResult result = journal.replay(Journal.NO_POSITION,
            java.util.EnumSet.of(dev.quire.store.RecordType.MESSAGE_ACKNOWLEDGED),
            (position, record, origin) -> replayed.add(position));
        assertThat(replayed).containsExactly(ack);
        assertThat(result.records()).isEqualTo(1);
    }

    @Test
    void shouldReplayWithoutBodiesEveryRecordWithMessagesAsViews()
    {
        final Journal journal = open(Durability.NONE);
        final long created = journal.append(new DestinationCreated("orders", DestinationKind.QUEUE));
        final long sent = journal.append(Records.sent(1));
        final MessageAcknowledged ack = new MessageAcknowledged("orders", 1);
        final long transaction = journal.append(new TransactionCommitted(5, List.of(Records.sent(2), Records.sent(3)), List.of(ack)));
        final long acked = journal.append(new MessageAcknowledged("orders", 2));
        final List<String> seen = new ArrayList<>();
        final ReplayResult result = journal.replayWithoutBodies(Journal.NO_POSITION, new MessageReplayHandler()
        {
            @Override
            public void onMessage(final long position, final ReplayedMessage message, final long origin)
            {
                assertThat(origin).isEqualTo(position);
                assertThat(message.message()).isEqualTo(Records.sent(message.messageSeq()).message());
                seen.add(position + " message " + message.messageSeq() + " on " + message.destination() +
                    " priority " + message.priority());
            }

            @Override
            public void onRecord(final long position, final JournalRecord record, final long origin)
            {
                assertThat(origin).isEqualTo(position);
                seen.add(position + " " + record);
            }
        });
        assertThat(seen).containsExactly(
            created + " " + new DestinationCreated("orders", DestinationKind.QUEUE),
            sent + " message 1 on orders priority 4",
            transaction + " message 2 on orders priority 4",
            transaction + " message 3 on orders priority 4",
            transaction + " " + ack,
            acked + " " + new MessageAcknowledged("orders", 2));
        assertThat(result.records()).isEqualTo(4);
        assertThat(result.lastPosition()).isEqualTo(acked);
    }

    @Test
    void shouldReadRecordsByPosition()
    {
        final Journal journal = open(Durability.NONE);
        final long first = journal.append(Records.sent(1));
        final long second = journal.append(new MessageAcknowledged("orders", 1));
        try (JournalReader reader = journal.openReader())
        {
            assertThat(reader.read(second)).isEqualTo(new MessageAcknowledged("orders", 1));
            assertThat(reader.read(first)).isEqualTo(Records.sent(1));
            assertThatThrownBy(() -> reader.read(second + 1))
                .isInstanceOfSatisfying(StoreException.class, ex -> assertThat(ex.kind()).isEqualTo(StoreException.Kind.CORRUPT))
                .hasMessageContaining("no record at position");
        }
    }

    @Test
    void shouldMakeSyncAppendDurableOnlyAfterFlush()
    {
        final Journal journal = open(Durability.SYNC);
        final AtomicLong notified = new AtomicLong(Journal.NO_POSITION);
        journal.addDurabilityListener(notified::set);
        final long position = journal.append(Records.sent(1));
        journal.awaitDurable(position);
        assertThat(journal.durablePosition()).isGreaterThanOrEqualTo(position);
        assertThat(notified.get()).isGreaterThanOrEqualTo(position);
    }

    @Test
    void shouldFlushOnDemandInNoneMode()
    {
        final Journal journal = open(Durability.NONE);
        final long position = journal.append(Records.sent(1));
        journal.awaitDurable(position);
        assertThat(journal.durablePosition()).isLessThan(position);
        journal.flush(position);
        assertThat(journal.durablePosition()).isGreaterThanOrEqualTo(position);
    }

    @Test
    void shouldFlushOnRequestWithoutWaitingInNoneMode()
    {
        final Journal journal = open(Durability.NONE);
        final AtomicLong notified = new AtomicLong(Journal.NO_POSITION);
        journal.addDurabilityListener(notified::set);
        final long position = journal.append(Records.sent(1));
        journal.requestFlush(position);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
            .until(() -> notified.get() >= position && journal.durablePosition() >= position);
    }

    @Test
    void shouldFlushOnItsOwnInAsyncMode()
    {
        final Journal journal = open(Durability.ASYNC);
        final long position = journal.append(Records.sent(1));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
            .until(() -> journal.durablePosition() >= position);
    }

    @Test
    void shouldRefuseOversizedRecordAndStayUsable()
    {
        final ChronicleJournal journal = ChronicleJournal.open(new JournalContext().directory(directory)
            .maxRecordSize(64 * 1024).minFreeDiskBytes(0));
        opened.add(journal);
        final long before = journal.append(Records.sent(1));
        assertThatThrownBy(() -> journal.append(Records.sent(2, new byte[100 * 1024])))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("exceeds the maximum record size of 65536 bytes");
        final long after = journal.append(Records.sent(3));
        assertThat(after).isEqualTo(before + 1);
        assertThat(replayAll(journal)).containsExactly(Records.sent(1), Records.sent(3));
    }

    @Test
    void shouldRefuseAppendWhenDiskIsBelowReserve()
    {
        final ChronicleJournal journal = ChronicleJournal.open(new JournalContext().directory(directory)
            .minFreeDiskBytes(Long.MAX_VALUE / 2));
        opened.add(journal);
        assertThatThrownBy(() -> journal.append(Records.sent(1)))
            .isInstanceOfSatisfying(StoreException.class, ex -> assertThat(ex.kind()).isEqualTo(StoreException.Kind.FULL))
            .hasMessageContaining("minFreeDisk");
        assertThat(replayAll(journal)).isEmpty();
    }

    @Test
    void shouldRefuseSecondOpenInSameProcessNamingPid()
    {
        open(Durability.SYNC);
        assertThatThrownBy(() -> open(Durability.SYNC))
            .isInstanceOfSatisfying(StoreException.class, ex -> assertThat(ex.kind()).isEqualTo(StoreException.Kind.LOCKED))
            .hasMessageContaining(Long.toString(ProcessHandle.current().pid()));
    }

    @Test
    void shouldRefuseSecondOpenFromAnotherClassLoaderNamingPid() throws Exception
    {
        open(Durability.SYNC);
        final List<java.net.URL> urls = new ArrayList<>();
        for (final String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        {
            urls.add(Path.of(entry).toUri().toURL());
        }
        try (java.net.URLClassLoader isolated = new java.net.URLClassLoader(
            urls.toArray(new java.net.URL[0]), ClassLoader.getPlatformClassLoader()))
        {
            final Class<?> journalClass = isolated.loadClass(ChronicleJournal.class.getName());
            final Class<?> contextClass = isolated.loadClass(JournalContext.class.getName());
            assertThat(journalClass).isNotSameAs(ChronicleJournal.class);
            final Object context = contextClass.getConstructor().newInstance();
            contextClass.getMethod("directory", Path.class).invoke(context, directory);
            assertThatThrownBy(() -> journalClass.getMethod("open", contextClass).invoke(null, context))
                .isInstanceOf(java.lang.reflect.InvocationTargetException.class)
                .cause()
                .satisfies(cause -> assertThat(cause.getClass().getName()).isEqualTo(StoreException.class.getName()))
                .satisfies(cause -> assertThat(cause.toString()).contains("LOCKED"))
                .hasMessageContaining(Long.toString(ProcessHandle.current().pid()));
        }
    }

    @Test
    void shouldFailClearlyAfterCloseAndCloseTwiceHarmlessly()
    {
        final Journal journal = open(Durability.SYNC);
        final long position = journal.append(Records.sent(1));
        journal.close();
        journal.close();
        assertThatThrownBy(() -> journal.append(Records.sent(2)))
            .isInstanceOfSatisfying(StoreException.class, ex -> assertThat(ex.kind()).isEqualTo(StoreException.Kind.CLOSED));
        assertThatThrownBy(() -> journal.awaitDurable(position))
            .isInstanceOfSatisfying(StoreException.class, ex -> assertThat(ex.kind()).isEqualTo(StoreException.Kind.CLOSED));
        assertThatThrownBy(() -> journal.replay(Journal.NO_POSITION, (p, r, c) -> { }))
            .isInstanceOfSatisfying(StoreException.class, ex -> assertThat(ex.kind()).isEqualTo(StoreException.Kind.CLOSED));
        assertThat(replayAll(open(Durability.SYNC))).containsExactly(Records.sent(1));
    }

    @Test
    void shouldRefuseForeignChronicleQueueDirectory() throws IOException
    {
        Files.write(directory.resolve("20260101F.cq4"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> open(Durability.SYNC))
            .isInstanceOfSatisfying(StoreException.class, ex -> assertThat(ex.kind()).isEqualTo(StoreException.Kind.CORRUPT))
            .hasMessageContaining("not a Quire journal");
        assertThat(directory.resolve("20260101F.cq4")).hasBinaryContent(new byte[] {1, 2, 3});
    }

    @Test
    void shouldRefuseJournalOfNewerFormat() throws IOException
    {
        open(Durability.SYNC).close();
        final Path marker = directory.resolve("quire-journal.properties");
        Files.writeString(marker, Files.readString(marker).replace("format=1", "format=2"));
        assertThatThrownBy(() -> open(Durability.SYNC))
            .isInstanceOfSatisfying(StoreException.class, ex -> assertThat(ex.kind()).isEqualTo(StoreException.Kind.VERSION))
            .hasMessageContaining("format 2");
    }

    @Test
    void shouldKeepJournalIdAcrossReopen()
    {
        final String id = open(Durability.SYNC).journalId();
        opened.get(0).close();
        assertThat(open(Durability.SYNC).journalId()).isEqualTo(id).isNotBlank();
    }

    @Test
    void shouldRejectNullRecord()
    {
        final Journal journal = open(Durability.SYNC);
        assertThatThrownBy(() -> journal.append(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("record");
    }

    @Test
    void shouldReportCorruptRecordInsteadOfMisreadingIt() throws IOException
    {
        final Journal journal = open(Durability.SYNC);
        final String marker = "MARKER-" + "x".repeat(40);
        final long position = journal.append(Records.sent(1, marker.getBytes(StandardCharsets.US_ASCII)));
        journal.close();
        try (var files = Files.list(directory))
        {
            final Path file = files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
            final byte[] content = Files.readAllBytes(file);
            final int at = indexOf(content, marker.getBytes(StandardCharsets.US_ASCII));
            content[at + 3] ^= 0x20;
            Files.write(file, content);
        }
        final Journal reopened = open(Durability.SYNC);
        assertThatThrownBy(() -> replayAll(reopened))
            .isInstanceOfSatisfying(StoreException.class, ex -> assertThat(ex.kind()).isEqualTo(StoreException.Kind.CORRUPT))
            .hasMessageContaining("position " + position);
        assertThatThrownBy(() -> reopened.replayWithoutBodies(Journal.NO_POSITION, new MessageReplayHandler()
        {
            @Override
            public void onMessage(final long at, final ReplayedMessage message, final long origin)
            {
                throw new AssertionError("handed over a damaged message");
            }

            @Override
            public void onRecord(final long at, final JournalRecord record, final long origin)
            {
                throw new AssertionError("handed over a damaged record");
            }
        }))
            .isInstanceOfSatisfying(StoreException.class, ex -> assertThat(ex.kind()).isEqualTo(StoreException.Kind.CORRUPT))
            .hasMessageContaining("position " + position).hasMessageContaining("checksum");
    }

    private static int indexOf(final byte[] haystack, final byte[] needle)
    {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++)
        {
            for (int j = 0; j < needle.length; j++)
            {
                if (haystack[i + j] != needle[j])
                {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("marker not found");
    }
}
