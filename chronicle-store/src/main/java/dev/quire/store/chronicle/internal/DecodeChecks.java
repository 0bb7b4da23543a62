package dev.quire.store.chronicle.internal;

import dev.quire.store.StoreException;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Reads of untrusted lengths and codes that turn damage into a {@link StoreException} of kind CORRUPT
 * instead of a huge allocation or a misread.
 */
final class DecodeChecks
{
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

    static String readString(final Bytes<?> in)
    {
        return in.readUtf8();
    }

    static String readRequiredString(final Bytes<?> in, final String what)
    {
        final String value = in.readUtf8();
        if (value == null)
        {
            throw corrupt(what + " is missing");
        }
        return value;
    }

    static StoreException corrupt(final String message)
    {
        return new StoreException(StoreException.Kind.CORRUPT, message);
    }
}
