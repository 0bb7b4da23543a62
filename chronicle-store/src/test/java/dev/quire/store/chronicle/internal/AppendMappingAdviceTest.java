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

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class AppendMappingAdviceTest
{
    private static final int BLOCK_SIZE = 1 << 20;
    private static final int RECORD_SIZE = 10 * 1024;
    private static final int RECORDS = 400;

    @TempDir
    Path directory;

    private final List<long[]> advised = new ArrayList<>();
    private long lastEnd;

    @Test
    void shouldAdviseEachChunkOnceWhenTheAppenderFirstWritesThere()
    {
        final AppendMappingAdvice advice = new AppendMappingAdvice((address, length) ->
        {
            advised.add(new long[] {address, length});
            return 0;
        });

        appendThrough(advice);

        assertThat(advised).as("one advice per chunk written").hasSize((int) (lastEnd / BLOCK_SIZE) + 1).hasSizeGreaterThan(2);
        for (final long[] range : advised)
        {
            assertThat(range[0] % 4096).as("address of a mapping").isZero();
            assertThat(range[1]).as("length of a chunk and its overlap").isGreaterThanOrEqualTo(BLOCK_SIZE);
        }
    }

    @Test
    void shouldKeepAppendingWhenTheAdviceFails()
    {
        final AppendMappingAdvice advice = new AppendMappingAdvice((address, length) -> -1);

        assertThat(appendThrough(advice)).isEqualTo(RECORDS);
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
                    advice.wroteThrough(bytes);
                    lastEnd = bytes.writePosition();
                }
            }
            return readBack(queue);
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
