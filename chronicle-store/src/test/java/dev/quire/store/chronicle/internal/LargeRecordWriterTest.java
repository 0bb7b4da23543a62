package dev.quire.store.chronicle.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class LargeRecordWriterTest
{
    @TempDir
    Path directory;

    @Test
    void shouldTakeFramesOfFourPagesOrMoreOnly()
    {
        try (LargeRecordWriter writer = new LargeRecordWriter(true))
        {
            assertThat(writer.suits(LargeRecordWriter.MIN_FRAME_BYTES - 1)).isFalse();
            assertThat(writer.suits(LargeRecordWriter.MIN_FRAME_BYTES)).isTrue();
        }
    }

    @Test
    void shouldTakeNoFrameWhenDisabled()
    {
        try (LargeRecordWriter writer = new LargeRecordWriter(false))
        {
            assertThat(writer.suits(Integer.MAX_VALUE)).isFalse();
        }
    }

    @Test
    void shouldWriteAFrameLongerThanOneWriteAtItsPositionAndConsumeIt() throws IOException
    {
        final File file = emptyFile("a.cq4", 4096);
        final byte[] frame = randomBytes(LargeRecordWriter.MAX_WRITE_BYTES * 2 + 123);
        final ByteBuffer buffer = ByteBuffer.wrap(frame, 100, frame.length - 100);

        try (LargeRecordWriter writer = new LargeRecordWriter(true))
        {
            writer.write(file, buffer, 1000);
        }

        assertThat(buffer.hasRemaining()).isFalse();
        final byte[] written = Files.readAllBytes(file.toPath());
        assertThat(written).hasSize(1000 + frame.length - 100);
        assertThat(Arrays.copyOfRange(written, 0, 1000)).as("bytes before the position untouched").containsOnly(0);
        assertThat(Arrays.copyOfRange(written, 1000, written.length))
            .isEqualTo(Arrays.copyOfRange(frame, 100, frame.length));
    }

    @Test
    void shouldFollowTheAppenderToItsNextFile() throws IOException
    {
        final File first = emptyFile("1.cq4", 0);
        final File second = emptyFile("2.cq4", 0);
        final byte[] one = randomBytes(LargeRecordWriter.MIN_FRAME_BYTES);
        final byte[] two = randomBytes(LargeRecordWriter.MIN_FRAME_BYTES);

        try (LargeRecordWriter writer = new LargeRecordWriter(true))
        {
            writer.write(first, ByteBuffer.wrap(one), 0);
            writer.write(second, ByteBuffer.wrap(two), 0);
        }

        assertThat(Files.readAllBytes(first.toPath())).isEqualTo(one);
        assertThat(Files.readAllBytes(second.toPath())).isEqualTo(two);
    }

    @Test
    void shouldFailTheWriteOfAnInterruptedThreadAndWriteTheNextOne() throws IOException
    {
        final File file = emptyFile("a.cq4", 0);
        final byte[] frame = randomBytes(LargeRecordWriter.MIN_FRAME_BYTES);

        try (LargeRecordWriter writer = new LargeRecordWriter(true))
        {
            writer.write(file, ByteBuffer.wrap(new byte[frame.length]), 0);
            Thread.currentThread().interrupt();
            try
            {
                assertThatThrownBy(() -> writer.write(file, ByteBuffer.wrap(new byte[frame.length]), 0))
                    .isInstanceOf(ClosedByInterruptException.class);
            }
            finally
            {
                Thread.interrupted();
            }
            writer.write(file, ByteBuffer.wrap(frame), 0);
        }

        assertThat(Files.readAllBytes(file.toPath())).isEqualTo(frame);
    }

    private File emptyFile(final String name, final int length) throws IOException
    {
        return Files.write(directory.resolve(name), new byte[length]).toFile();
    }

    private static byte[] randomBytes(final int length)
    {
        final byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }
}
