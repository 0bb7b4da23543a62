package dev.quire.store.chronicle.internal;

import net.openhft.chronicle.bytes.Bytes;

import java.util.Arrays;

/**
 * Decodes destination names, remembering the last few: a journal names a handful of destinations
 * millions of times, and comparing a name's bytes with a remembered one is much cheaper than decoding
 * it into a new string. A small direct-mapped cache of encoded names (their stop-bit length and UTF-8
 * bytes, exactly as written) and the strings they decode to. One instance per decoding thread.
 */
final class DestinationNames
{
    private static final int SLOTS = 32;

    private final byte[][] encoded = new byte[SLOTS][];
    private final String[] names = new String[SLOTS];

    /**
     * @param in   heap bytes holding the encoded name (their offsets are indexes into their array).
     * @param from where the encoded name starts.
     * @param to   where it ends (exclusive); it has been checked to be a complete, non-null name.
     * @return the name.
     */
    String name(final Bytes<byte[]> in, final long from, final long to)
    {
        final byte[] array = in.underlyingObject();
        final int start = (int)from;
        final int end = (int)to;
        int hash = 0;
        for (int i = start; i < end; i++)
        {
            hash = 31 * hash + array[i];
        }
        final int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        final byte[] known = encoded[slot];
        if (known != null && Arrays.equals(known, 0, known.length, array, start, end))
        {
            return names[slot];
        }
        final long readPosition = in.readPosition();
        in.readPosition(from);
        final String name = DecodeChecks.readRequiredString(in, "destination");
        in.readPosition(readPosition);
        encoded[slot] = Arrays.copyOfRange(array, start, end);
        names[slot] = name;
        return name;
    }
}
