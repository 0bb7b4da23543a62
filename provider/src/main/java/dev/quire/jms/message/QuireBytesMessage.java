package dev.quire.jms.message;

import dev.quire.store.record.BodyType;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * A message whose body is a stream of bytes, written in write-only mode and read after {@link #reset()}
 * (a received message starts in read-only mode).
 */
public final class QuireBytesMessage extends QuireMessage implements BytesMessage
{
    /** The body being written in write-only mode, opened by the first write (a received message never is). */
    private TypedValues.Buffer written;
    /** The body in read-only mode, {@code null} in write-only mode. */
    private byte[] content;
    /** The reader over {@link #content}, opened by the first read after a reset or a receive. */
    private DataInputStream reading;

    @Override
    public long getBodyLength() throws JMSException
    {
        requireReading();
        return content.length;
    }

    @Override
    public boolean readBoolean() throws JMSException
    {
        return read(DataInputStream::readBoolean);
    }

    @Override
    public byte readByte() throws JMSException
    {
        return read(DataInputStream::readByte);
    }

    @Override
    public int readUnsignedByte() throws JMSException
    {
        return read(DataInputStream::readUnsignedByte);
    }

    @Override
    public short readShort() throws JMSException
    {
        return read(DataInputStream::readShort);
    }

    @Override
    public int readUnsignedShort() throws JMSException
    {
        return read(DataInputStream::readUnsignedShort);
    }

    @Override
    public char readChar() throws JMSException
    {
        return read(DataInputStream::readChar);
    }

    @Override
    public int readInt() throws JMSException
    {
        return read(DataInputStream::readInt);
    }

    @Override
    public long readLong() throws JMSException
    {
        return read(DataInputStream::readLong);
    }

    @Override
    public float readFloat() throws JMSException
    {
        return read(DataInputStream::readFloat);
    }

    @Override
    public double readDouble() throws JMSException
    {
        return read(DataInputStream::readDouble);
    }

    @Override
    public String readUTF() throws JMSException
    {
        return read(in -> in.readUTF());
    }

    @Override
    public int readBytes(final byte[] value) throws JMSException
    {
        return readBytes(value, value.length);
    }

    @Override
    public int readBytes(final byte[] value, final int length) throws JMSException
    {
        if (length < 0 || length > value.length)
        {
            throw new IndexOutOfBoundsException("length " + length + " does not fit an array of " + value.length);
        }
        final DataInputStream in = input();
        try
        {
            if (length == 0)
            {
                return in.available() > 0 ? 0 : -1;
            }
            return in.read(value, 0, length);
        }
        catch (final IOException ex)
        {
            throw readFailure(ex);
        }
    }

    @Override
    public void writeBoolean(final boolean value) throws JMSException
    {
        write(out -> out.writeBoolean(value));
    }

    @Override
    public void writeByte(final byte value) throws JMSException
    {
        write(out -> out.writeByte(value));
    }

    @Override
    public void writeShort(final short value) throws JMSException
    {
        write(out -> out.writeShort(value));
    }

    @Override
    public void writeChar(final char value) throws JMSException
    {
        write(out -> out.writeChar(value));
    }

    @Override
    public void writeInt(final int value) throws JMSException
    {
        write(out -> out.writeInt(value));
    }

    @Override
    public void writeLong(final long value) throws JMSException
    {
        write(out -> out.writeLong(value));
    }

    @Override
    public void writeFloat(final float value) throws JMSException
    {
        write(out -> out.writeFloat(value));
    }

    @Override
    public void writeDouble(final double value) throws JMSException
    {
        write(out -> out.writeDouble(value));
    }

    @Override
    public void writeUTF(final String value) throws JMSException
    {
        write(out -> out.writeUTF(value));
    }

    @Override
    public void writeBytes(final byte[] value) throws JMSException
    {
        writeBytes(value, 0, value.length);
    }

    @Override
    public void writeBytes(final byte[] value, final int offset, final int length) throws JMSException
    {
        write(out -> out.write(value, offset, length));
    }

    @Override
    public void writeObject(final Object value) throws JMSException
    {
        if (value == null)
        {
            throw new NullPointerException("a BytesMessage cannot hold a null value");
        }
        if (value instanceof Boolean flag)
        {
            writeBoolean(flag);
        }
        else if (value instanceof Byte number)
        {
            writeByte(number);
        }
        else if (value instanceof Short number)
        {
            writeShort(number);
        }
        else if (value instanceof Character character)
        {
            writeChar(character);
        }
        else if (value instanceof Integer number)
        {
            writeInt(number);
        }
        else if (value instanceof Long number)
        {
            writeLong(number);
        }
        else if (value instanceof Float number)
        {
            writeFloat(number);
        }
        else if (value instanceof Double number)
        {
            writeDouble(number);
        }
        else if (value instanceof String text)
        {
            writeUTF(text);
        }
        else if (value instanceof byte[] bytes)
        {
            writeBytes(bytes);
        }
        else
        {
            throw new MessageFormatException("a BytesMessage cannot hold a " + value.getClass().getName());
        }
    }

    @Override
    public void reset()
    {
        if (content == null)
        {
            content = writtenBytes();
            written = null;
        }
        reading = null;
    }

    @Override
    public void clearBody() throws JMSException
    {
        super.clearBody();
        written = null;
        content = null;
        reading = null;
    }

    @Override
    public <T> T getBody(final Class<T> c) throws JMSException
    {
        if (bodyLength() == 0)
        {
            return null;
        }
        if (!isBodyAssignableTo(c))
        {
            throw new MessageFormatException("the body of a BytesMessage is a byte[], not a " + c.getName());
        }
        return c.cast(currentBytes());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(final Class c)
    {
        final Class<?> type = c;
        return bodyLength() == 0 || type.isAssignableFrom(byte[].class);
    }

    @Override
    public BodyType bodyType()
    {
        return BodyType.BYTES;
    }

    /**
     * @return the body, shared rather than copied where possible: the stored message and this one never
     *         change it (a write after a send goes to a new array, see {@link TypedValues.Buffer#contents()},
     *         and read-only content is never written).
     */
    @Override
    public byte[] encodeBody()
    {
        return content == null ? writtenBytes() : content;
    }

    /**
     * Reads the stored body in place: a received message never changes its content (reads copy out,
     * {@link #getBody} returns a copy, {@link #clearBody()} drops it), so the stored message's array, which
     * nothing changes either, is shared rather than copied for every consumer.
     */
    @Override
    void decodeBody(final byte[] body)
    {
        content = body;
        written = null;
        reading = null;
    }

    /**
     * @return a copy of the body, whichever mode the message is in.
     */
    private byte[] currentBytes()
    {
        if (content != null)
        {
            return content.clone();
        }
        return written == null ? NO_BODY : written.toByteArray();
    }

    private int bodyLength()
    {
        if (content != null)
        {
            return content.length;
        }
        return written == null ? 0 : written.size();
    }

    private byte[] writtenBytes()
    {
        return written == null ? NO_BODY : written.contents();
    }

    private DataInputStream input() throws MessageNotReadableException
    {
        requireReading();
        if (reading == null)
        {
            reading = TypedValues.input(content);
        }
        return reading;
    }

    private void requireReading() throws MessageNotReadableException
    {
        if (content == null)
        {
            throw new MessageNotReadableException("the BytesMessage is in write-only mode; call reset() to read it");
        }
    }

    private DataOutputStream output() throws MessageNotWriteableException
    {
        checkBodyWritable();
        if (content != null)
        {
            throw new MessageNotWriteableException("the BytesMessage is in read-only mode; call clearBody() to write it");
        }
        if (written == null)
        {
            written = new TypedValues.Buffer();
        }
        return written.data;
    }

    private <T> T read(final Reader<T> reader) throws JMSException
    {
        final DataInputStream in = input();
        try
        {
            return reader.read(in);
        }
        catch (final IOException ex)
        {
            throw readFailure(ex);
        }
    }

    private void write(final Writer writer) throws JMSException
    {
        final DataOutputStream out = output();
        try
        {
            writer.write(out);
        }
        catch (final IOException ex)
        {
            throw TypedValues.damaged(ex);
        }
    }

    private static JMSException readFailure(final IOException cause)
    {
        if (cause instanceof EOFException)
        {
            final MessageEOFException exception = new MessageEOFException("read past the end of the BytesMessage");
            exception.setLinkedException(cause);
            return exception;
        }
        return TypedValues.damaged(cause);
    }

    /**
     * One read from the body.
     *
     * @param <T> what it reads.
     */
    @FunctionalInterface
    private interface Reader<T>
    {
        T read(DataInputStream in) throws IOException;
    }

    /**
     * One write to the body.
     */
    @FunctionalInterface
    private interface Writer
    {
        void write(DataOutputStream out) throws IOException;
    }
}
