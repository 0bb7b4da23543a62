package dev.quire.store.chronicle.internal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class AppendMappingAdviceTest
{
    private static final int BLOCK_SIZE = 1 << 20;
    private static final int RECORD_SIZE = 10 * 1024;
    private static final int RECORDS = 400;

    @TempDir
    Path directory;

    private final RecordingAdvisor recording = new RecordingAdvisor();
    private long lastEnd;
    private long lastEndAddress;

    @Test
    void shouldAdviseEachChunkOnceWhenTheAppenderFirstWritesThere()
    {
        final AppendMappingAdvice advice = new AppendMappingAdvice(recording);

        appendThrough(advice);

        assertThat(recording.random).as("one advice per chunk written").hasSize((int) (lastEnd / BLOCK_SIZE) + 1)
            .hasSizeGreaterThan(2);
        for (final long[] range : recording.random)
        {
            assertThat(range[0] % 4096).as("address of a mapping").isZero();
            assertThat(range[1]).as("length of a chunk and its overlap").isGreaterThanOrEqualTo(BLOCK_SIZE);
        }
    }

    @Test
    void shouldKeepAppendingWhenTheAdviceFails()
    {
        recording.result = -1;
        final AppendMappingAdvice advice = new AppendMappingAdvice(recording);

        assertThat(appendThrough(advice, advice::populatePosted)).isEqualTo(RECORDS);
        assertThat(recording.populated).as("no more ranges posted once populating failed").hasSize(1);
    }

    @Test
    void shouldLeavePopulatingToTheThreadThatAsksForThePostedRange()
    {
        final AppendMappingAdvice advice = new AppendMappingAdvice(recording);
        final List<Integer> populatedAfterEachAppend = new ArrayList<>();

        appendThrough(advice, () -> populatedAfterEachAppend.add(recording.populated.size()));

        assertThat(populatedAfterEachAppend).as("populated by the appending thread").containsOnly(0);
    }

    @Test
    void shouldPopulateAPostedRangeInContiguousSteps()
    {
        final AppendMappingAdvice advice = new AppendMappingAdvice(recording);

        appendThrough(advice, () ->
        {
            if (recording.populated.isEmpty())
            {
                while (advice.populatePosted() == 1)
                {
                    assertThat(recording.populated).hasSizeLessThanOrEqualTo(4);
                }
            }
        });

        assertThat(recording.populated).hasSize(4);
        for (int i = 1; i < 4; i++)
        {
            final long[] previous = recording.populated.get(i - 1);
            assertThat(recording.populated.get(i)[0]).as("step " + i).isEqualTo(previous[0] + previous[1]);
        }
        assertThat(recording.populated.stream().mapToLong(range -> range[1]).sum())
            .isEqualTo(AppendMappingAdvice.POPULATE_AHEAD_BYTES);
    }

    @Test
    void shouldNotPopulateAChunkNoLongerMapped()
    {
        final AppendMappingAdvice advice = new AppendMappingAdvice(recording);
        appendThrough(advice);

        assertThat(advice.populatePosted()).isZero();
        assertThat(recording.populated).isEmpty();
    }

    @Test
    void shouldPostWholePagesJustAheadOfTheAppender()
    {
        final AppendMappingAdvice advice = new AppendMappingAdvice(recording);
        final List<Long> endAddresses = new ArrayList<>();

        appendThrough(advice, () ->
        {
            while (advice.populatePosted() == 1)
            {
                endAddresses.add(lastEndAddress);
            }
        });

        assertThat(recording.populated).hasSizeGreaterThan(10).hasSameSizeAs(endAddresses);
        final long ahead = AppendMappingAdvice.POPULATE_AHEAD_BYTES;
        for (int i = 0; i < recording.populated.size(); i++)
        {
            final long[] range = recording.populated.get(i);
            assertThat(range[0] % 4096).as("address of a page").isZero();
            assertThat(range[1] % 4096).as("whole pages").isZero();
            assertThat(range[1]).as("one step").isPositive()
                .isLessThanOrEqualTo(AppendMappingAdvice.POPULATE_STEP_BYTES);
            assertThat(range[0]).as("after the appender's end").isGreaterThan(endAddresses.get(i));
            assertThat(range[0] + range[1]).as("not far beyond it")
                .isLessThanOrEqualTo(endAddresses.get(i) + ahead * 3 / 2 + 4096);
        }
    }

    @Test
    void shouldDropTheRangePostedWhenARecordIsWrittenBesideTheMapping()
    {
        final AppendMappingAdvice advice = new AppendMappingAdvice(recording);
        final int beside = RECORDS / 2;
        final List<Integer> stepsAfterBeside = new ArrayList<>();

        appendThrough(advice, index -> index == beside, index ->
        {
            if (index == beside - 1 || index == beside)
            {
                stepsAfterBeside.add(advice.populatePosted());
            }
        });

        assertThat(stepsAfterBeside).as("a step of the range posted before, none after").containsExactly(1, 0);
    }

    @Test
    void shouldPostAgainOnlyOnceAWindowOfRecordsWentThroughTheMapping()
    {
        final AppendMappingAdvice advice = new AppendMappingAdvice(recording);
        final int beside = RECORDS / 2;
        final List<Integer> populatingAppends = new ArrayList<>();

        appendThrough(advice, index -> index == beside, index ->
        {
            while (advice.populatePosted() == 1)
            {
                populatingAppends.add(index);
            }
        });

        final int window = (int) (AppendMappingAdvice.POPULATE_AHEAD_BYTES / RECORD_SIZE);
        assertThat(populatingAppends).as("populated before the record written beside").anyMatch(index -> index < beside)
            .as("not again until a window of records later")
            .noneMatch(index -> index >= beside && index < beside + window)
            .as("but then").anyMatch(index -> index >= beside + window && index <= beside + window + 2);
    }

    @Test
    void shouldGiveNoAdviceWithoutAnAdvisor()
    {
        final AppendMappingAdvice advice = new AppendMappingAdvice(null);

        assertThat(appendThrough(advice)).isEqualTo(RECORDS);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void shouldReachTheNativeMadviseOnLinuxAndLeaveTheRecordsReadable()
    {
        assertThat(AppendMappingAdvice.platformHasMadvise()).as("native madvise reachable (JNR on the class path)")
            .isTrue();

        assertThat(appendThrough(new AppendMappingAdvice())).isEqualTo(RECORDS);
    }

    /**
     * Appends {@value #RECORDS} records, telling {@code advice} after each, and reads them back.
     *
     * @return how many records read back whole.
     */
    private int appendThrough(final AppendMappingAdvice advice)
    {
        return appendThrough(advice, () ->
        {
        });
    }

    /**
     * Appends {@value #RECORDS} records, telling {@code advice} after each and then running {@code afterEach},
     * and reads them back.
     *
     * @return how many records read back whole.
     */
    private int appendThrough(final AppendMappingAdvice advice, final Runnable afterEach)
    {
        return appendThrough(advice, index -> false, index -> afterEach.run());
    }

    /**
     * Appends {@value #RECORDS} records, telling {@code advice} after each that it was written through the
     * mapping or, where {@code besideAt} says so, beside it, and then running {@code afterEach} with its
     * index; reads them back.
     *
     * @return how many records read back whole.
     */
    private int appendThrough(final AppendMappingAdvice advice, final IntPredicate besideAt,
        final IntConsumer afterEach)
    {
        final byte[] body = new byte[RECORD_SIZE];
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(directory).blockSize(BLOCK_SIZE).build();
             ExcerptAppender appender = queue.createAppender())
        {
            for (int i = 0; i < RECORDS; i++)
            {
                body[0] = (byte) i;
                try (DocumentContext document = appender.writingDocument())
                {
                    final Bytes<?> bytes = document.wire().bytes();
                    bytes.write(body);
                    if (besideAt.test(i))
                    {
                        advice.wroteBeside(bytes);
                    }
                    else
                    {
                        advice.wroteThrough(bytes);
                    }
                    lastEnd = bytes.writePosition();
                    lastEndAddress = bytes.bytesStore().addressForRead(lastEnd);
                }
                afterEach.accept(i);
            }
            return readBack(queue);
        }
    }

    /**
     * Records the ranges it is asked to advise, answering with {@link #result}.
     */
    private static final class RecordingAdvisor implements AppendMappingAdvice.Advisor
    {
        final List<long[]> random = new ArrayList<>();
        final List<long[]> populated = new ArrayList<>();
        int result;

        @Override
        public int adviseRandom(final long address, final long length)
        {
            random.add(new long[] {address, length});
            return result;
        }

        @Override
        public int populateWrite(final long address, final long length)
        {
            populated.add(new long[] {address, length});
            return result;
        }
    }

    private static int readBack(final SingleChronicleQueue queue)
    {
        int whole = 0;
        try (ExcerptTailer tailer = queue.createTailer())
        {
            for (int i = 0; i < RECORDS; i++)
            {
                try (DocumentContext document = tailer.readingDocument())
                {
                    final Bytes<?> bytes = document.wire().bytes();
                    if (bytes.readRemaining() == RECORD_SIZE && bytes.readByte(bytes.readPosition()) == (byte) i)
                    {
                        whole++;
                    }
                }
            }
        }
        return whole;
    }
}
