package dev.quire.store.chronicle.internal;

import dev.quire.store.StoreException;
import net.openhft.chronicle.bytes.Bytes;

import java.nio.charset.StandardCharsets;

/**
 * Reads of untrusted lengths and codes that turn damage into a {@link StoreException} of kind CORRUPT
 * instead of a huge allocation or a misread.
 */
final class DecodeChecks
{
    private static final int ASCII_FAST_PATH_MAX = 4096;

    private DecodeChecks()
    {
    }

    static int readLength(final Bytes<?> in, final String what)
    {
        final long length = in.readStopBit();
        if (length < 0 || length > in.readRemaining())
        {
            throw corrupt(what + " length " + length + " exceeds the " + in.readRemaining() + " bytes left");
        }
        return (int)length;
    }

    static int readCount(final Bytes<?> in, final String what)
    {
        final long count = in.readStopBit();
        if (count < 0 || count > in.readRemaining())
        {
            throw corrupt(what + " count " + count + " is impossible with " + in.readRemaining() + " bytes left");
        }
        return (int)count;
    }

    /**
     * Reads a string written with {@code writeUtf8}, or null. Names, ids and most property values are
     * ASCII: those are copied in bulk and made a string at once, much faster than Chronicle's
     * character-by-character decoding, which still reads every other string.
     */
    static String readString(final Bytes<?> in)
    {
        final long start = in.readPosition();
        final String ascii = readAscii(in);
        if (ascii != null)
        {
            return ascii;
        }
        in.readPosition(start);
        return in.readUtf8();
    }

    /**
     * @return the string, when it is a non-empty ASCII one of at most {@link #ASCII_FAST_PATH_MAX} bytes;
     *         otherwise null, with the read position left anywhere.
     */
    private static String readAscii(final Bytes<?> in)
    {
        final long length = in.readStopBit();
        if (length <= 0 || length > ASCII_FAST_PATH_MAX || length > in.readRemaining())
        {
            return null;
        }
        final byte[] bytes = new byte[(int)length];
        in.read(bytes);
        for (final byte b : bytes)
        {
            if (b < 0)
            {
                return null;
            }
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static String readRequiredString(final Bytes<?> in, final String what)
    {
        final String value = readString(in);
        if (value == null)
        {
            throw corrupt(what + " is missing");
        }
        return value;
    }

    /**
     * Skips a string written with {@code writeUtf8}: a stop-bit length in bytes (-1 for null), then the
     * bytes.
     *
     * @return false when the string was null.
     */
    static boolean skipString(final Bytes<?> in, final String what)
    {
        final long length = in.readStopBit();
        if (length == -1)
        {
            return false;
        }
        if (length < 0 || length > in.readRemaining())
        {
            throw corrupt(what + " length " + length + " exceeds the " + in.readRemaining() + " bytes left");
        }
        in.readSkip(length);
        return true;
    }

    static void skipRequiredString(final Bytes<?> in, final String what)
    {
        if (!skipString(in, what))
        {
            throw corrupt(what + " is missing");
        }
    }

    /**
     * @param position the position of the record being decoded.
     * @param ex       what went wrong decoding it.
     * @return the failure as a store exception naming the position: CORRUPT unless it already had a kind.
     */
    static StoreException damaged(final long position, final RuntimeException ex)
    {
        if (ex instanceof StoreException store)
        {
            return new StoreException(store.kind(), "record at position " + position + ": " + store.getMessage(), store);
        }
        return new StoreException(StoreException.Kind.CORRUPT, "record at position " + position + " cannot be decoded: " + ex, ex);
    }

    static StoreException corrupt(final String message)
    {
        return new StoreException(StoreException.Kind.CORRUPT, message);
    }
}
