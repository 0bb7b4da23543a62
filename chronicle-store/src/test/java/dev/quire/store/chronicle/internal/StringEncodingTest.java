package dev.quire.store.chronicle.internal;

import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class StringEncodingTest
{
    private static final long PREFIX = 0x5155495245L;

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "ID:quire-0b7e5c1e-2f4a-4e47-9d7e-6c1d2b3a4f5e-42", "orders.eu", "sentAt",
        "caf\u00e9", "\u00e9 first", "last \u00ff", "\u65e5\u672c\u8a9e", "pair \ud83d\ude00", "lone \ud800 surrogate",
        "ascii then \u0141"})
    void shouldWriteWhatChroniclesWriteUtf8WritesAndReadBack(final String value)
    {
        final Bytes<byte[]> ours = Bytes.allocateElasticOnHeap(16);
        final Bytes<byte[]> chronicles = Bytes.allocateElasticOnHeap(16);
        ours.writeLong(PREFIX);
        chronicles.writeLong(PREFIX);

        StringEncoding.write(ours, value);
        chronicles.writeUtf8(value);

        assertThat(ours.toByteArray()).isEqualTo(chronicles.toByteArray());
        ours.readSkip(Long.BYTES);
        assertThat(DecodeChecks.readString(ours)).isEqualTo(chronicles.readSkip(Long.BYTES).readUtf8());
        assertThat(ours.readRemaining()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {127, 128, 5000, 70_000})
    void shouldGrowTheScratchArrayForALongString(final int length)
    {
        final String value = "q".repeat(length);
        final Bytes<byte[]> out = Bytes.allocateElasticOnHeap(64);
        out.writeLong(PREFIX);

        StringEncoding.write(out, value);
        out.writeByte((byte)'!');

        out.readSkip(Long.BYTES);
        assertThat(DecodeChecks.readString(out)).isEqualTo(value);
        assertThat(out.readByte()).isEqualTo((byte)'!');
    }
}
