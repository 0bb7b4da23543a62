package dev.quire.store.chronicle.internal;

import net.openhft.chronicle.bytes.Bytes;

/**
 * Writes strings in the journal's encoding, Chronicle's {@code writeUtf8}: a stop-bit length in bytes (-1
 * for null), then the UTF-8 bytes. Message ids, destination and property names are nearly always ASCII:
 * those are stored into the scratch array in one pass, where Chronicle checks and writes every character
 * on its own; any other string is left to Chronicle.
 */
final class StringEncoding
{
    private static final char FIRST_NON_ASCII = 0x80;

    private StringEncoding()
    {
    }

    /**
     * @param out   an on-heap scratch buffer whose write positions are indexes into its array, as
     *              {@link RecordEnvelope}'s; left after the string.
     * @param value the string, or null.
     */
    static void write(final Bytes<byte[]> out, final String value)
    {
        if (value == null)
        {
            out.writeUtf8((String)null);
            return;
        }
        final long start = out.writePosition();
        final int length = value.length();
        out.writeStopBit(length);
        final int offset = (int)out.writePosition();
        out.ensureCapacity(offset + (long)length);
        final byte[] array = out.underlyingObject();
        for (int i = 0; i < length; i++)
        {
            final char c = value.charAt(i);
            if (c >= FIRST_NON_ASCII)
            {
                out.writePosition(start);
                out.writeUtf8(value);
                return;
            }
            array[offset + i] = (byte)c;
        }
        out.writeSkip(length);
    }
}
