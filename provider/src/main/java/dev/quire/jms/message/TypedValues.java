package dev.quire.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The binary form of the typed values in map and stream message bodies: a tag byte, then the value
 * (strings as a length and UTF-8 bytes, so they may be longer than {@code writeUTF} allows).
 */
final class TypedValues
{
    private static final byte NULL = 0;
    private static final byte BOOLEAN = 1;
    private static final byte BYTE = 2;
    private static final byte SHORT = 3;
    private static final byte CHAR = 4;
    private static final byte INT = 5;
    private static final byte LONG = 6;
    private static final byte FLOAT = 7;
    private static final byte DOUBLE = 8;
    private static final byte STRING = 9;
    private static final byte BYTES = 10;

    private TypedValues()
    {
    }

    /**
     * @param value a candidate value.
     * @return true for the types a map or stream message may hold.
     */
    static boolean allowed(final Object value)
    {
        return value == null || value instanceof Boolean || value instanceof Byte || value instanceof Short ||
            value instanceof Character || value instanceof Integer || value instanceof Long || value instanceof Float ||
            value instanceof Double || value instanceof String || value instanceof byte[];
    }

    static void write(final DataOutputStream out, final Object value) throws IOException
    {
        if (value == null)
        {
            out.writeByte(NULL);
        }
        else if (value instanceof Boolean flag)
        {
            out.writeByte(BOOLEAN);
            out.writeBoolean(flag);
        }
        else if (value instanceof Byte number)
        {
            out.writeByte(BYTE);
            out.writeByte(number);
        }
        else if (value instanceof Short number)
        {
            out.writeByte(SHORT);
            out.writeShort(number);
        }
        else if (value instanceof Character character)
        {
            out.writeByte(CHAR);
            out.writeChar(character);
        }
        else if (value instanceof Integer number)
        {
            out.writeByte(INT);
            out.writeInt(number);
        }
        else if (value instanceof Long number)
        {
            out.writeByte(LONG);
            out.writeLong(number);
        }
        else
        {
            writeWide(out, value);
        }
    }

    private static void writeWide(final DataOutputStream out, final Object value) throws IOException
    {
        if (value instanceof Float number)
        {
            out.writeByte(FLOAT);
            out.writeFloat(number);
        }
        else if (value instanceof Double number)
        {
            out.writeByte(DOUBLE);
            out.writeDouble(number);
        }
        else if (value instanceof String text)
        {
            out.writeByte(STRING);
            writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
        }
        else if (value instanceof byte[] bytes)
        {
            out.writeByte(BYTES);
            writeBytes(out, bytes);
        }
        else
        {
            throw new IllegalArgumentException("not a map or stream value: " + value.getClass().getName());
        }
    }

    private static void writeBytes(final DataOutputStream out, final byte[] bytes) throws IOException
    {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static Object read(final DataInputStream in) throws IOException, JMSException
    {
        final byte tag = in.readByte();
        return switch (tag)
        {
            case NULL -> null;
            case BOOLEAN -> in.readBoolean();
            case BYTE -> in.readByte();
            case SHORT -> in.readShort();
            case CHAR -> in.readChar();
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case FLOAT -> in.readFloat();
            case DOUBLE -> in.readDouble();
            case STRING -> new String(readBytes(in), StandardCharsets.UTF_8);
            case BYTES -> readBytes(in);
            default -> throw new MessageFormatException("damaged message body: unknown value tag " + tag);
        };
    }

    private static byte[] readBytes(final DataInputStream in) throws IOException, JMSException
    {
        final int length = in.readInt();
        if (length < 0 || length > in.available())
        {
            throw new MessageFormatException("damaged message body: a value of " + length + " bytes");
        }
        final byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    static DataInputStream input(final byte[] body)
    {
        return new DataInputStream(new ByteArrayInputStream(body));
    }

    static JMSException damaged(final IOException cause)
    {
        final MessageFormatException exception = new MessageFormatException("damaged message body: " + cause);
        exception.setLinkedException(cause);
        exception.initCause(cause);
        return exception;
    }

    /**
     * A byte sink that gives its bytes away without a copy when they fill its array exactly.
     */
    static final class Buffer extends ByteArrayOutputStream
    {
        final DataOutputStream data = new DataOutputStream(this);

        /**
         * Gives the bytes written so far: the buffer's own array when they fill it exactly (a body written
         * in one go), else a copy. The array given away is never written again: any later write needs more
         * room, so it goes to a new, larger array. Never {@link #reset()} a buffer after this.
         *
         * @return the bytes, not to be changed by the caller.
         */
        synchronized byte[] contents()
        {
            return count == buf.length ? buf : toByteArray();
        }
    }
}
