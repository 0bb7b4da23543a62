package dev.quire.jms.message;

import dev.quire.store.record.BodyType;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.StreamMessage;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A message whose body is a sequence of typed values, written in write-only mode and read in order after
 * {@link #reset()} with the specification's conversions. A read that fails to convert leaves the position
 * where it was, so the value can be read again as another type.
 */
public final class QuireStreamMessage extends QuireMessage implements StreamMessage
{
    private final List<Object> values = new ArrayList<>();
    private boolean reading;
    private int position;
    private int bytesRemaining = -1;
    private int bytesOffset;

    @Override
    public boolean readBoolean() throws JMSException
    {
        final boolean value = ValueConversions.toBoolean(current());
        position++;
        return value;
    }

    @Override
    public byte readByte() throws JMSException
    {
        final byte value = ValueConversions.toByte(current());
        position++;
        return value;
    }

    @Override
    public short readShort() throws JMSException
    {
        final short value = ValueConversions.toShort(current());
        position++;
        return value;
    }

    @Override
    public char readChar() throws JMSException
    {
        final char value = ValueConversions.toChar(current());
        position++;
        return value;
    }

    @Override
    public int readInt() throws JMSException
    {
        final int value = ValueConversions.toInt(current());
        position++;
        return value;
    }

    @Override
    public long readLong() throws JMSException
    {
        final long value = ValueConversions.toLong(current());
        position++;
        return value;
    }

    @Override
    public float readFloat() throws JMSException
    {
        final float value = ValueConversions.toFloat(current());
        position++;
        return value;
    }

    @Override
    public double readDouble() throws JMSException
    {
        final double value = ValueConversions.toDouble(current());
        position++;
        return value;
    }

    @Override
    public String readString() throws JMSException
    {
        final String value = ValueConversions.toText(current());
        position++;
        return value;
    }

    /**
     * Reads the current byte[] value in chunks: each call copies up to {@code value.length} bytes; a call
     * that copies fewer, or finds nothing left, finishes the value (the latter returning -1). A null
     * value reads as -1.
     */
    @Override
    public int readBytes(final byte[] value) throws JMSException
    {
        if (bytesRemaining < 0)
        {
            final Object field = current();
            if (field == null)
            {
                position++;
                return -1;
            }
            if (!(field instanceof byte[] bytes))
            {
                throw ValueConversions.cannot(field, "byte[]");
            }
            bytesRemaining = bytes.length;
            bytesOffset = 0;
        }
        if (bytesRemaining == 0)
        {
            finishBytes();
            return -1;
        }
        final int count = Math.min(bytesRemaining, value.length);
        System.arraycopy((byte[])values.get(position), bytesOffset, value, 0, count);
        bytesOffset += count;
        bytesRemaining -= count;
        if (bytesRemaining == 0 && count < value.length)
        {
            finishBytes();
        }
        return count;
    }

    private void finishBytes()
    {
        bytesRemaining = -1;
        position++;
    }

    @Override
    public Object readObject() throws JMSException
    {
        final Object value = current();
        position++;
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }

    @Override
    public void writeBoolean(final boolean value) throws JMSException
    {
        append(value);
    }

    @Override
    public void writeByte(final byte value) throws JMSException
    {
        append(value);
    }

    @Override
    public void writeShort(final short value) throws JMSException
    {
        append(value);
    }

    @Override
    public void writeChar(final char value) throws JMSException
    {
        append(value);
    }

    @Override
    public void writeInt(final int value) throws JMSException
    {
        append(value);
    }

    @Override
    public void writeLong(final long value) throws JMSException
    {
        append(value);
    }

    @Override
    public void writeFloat(final float value) throws JMSException
    {
        append(value);
    }

    @Override
    public void writeDouble(final double value) throws JMSException
    {
        append(value);
    }

    @Override
    public void writeString(final String value) throws JMSException
    {
        append(value);
    }

    @Override
    public void writeBytes(final byte[] value) throws JMSException
    {
        append(value.clone());
    }

    @Override
    public void writeBytes(final byte[] value, final int offset, final int length) throws JMSException
    {
        final byte[] slice = new byte[length];
        System.arraycopy(value, offset, slice, 0, length);
        append(slice);
    }

    @Override
    public void writeObject(final Object value) throws JMSException
    {
        if (!TypedValues.allowed(value))
        {
            throw new MessageFormatException("a StreamMessage cannot hold a " + value.getClass().getName());
        }
        append(value instanceof byte[] bytes ? bytes.clone() : value);
    }

    @Override
    public void reset()
    {
        reading = true;
        position = 0;
        bytesRemaining = -1;
    }

    @Override
    public void clearBody() throws JMSException
    {
        super.clearBody();
        values.clear();
        reading = false;
        position = 0;
        bytesRemaining = -1;
    }

    @Override
    public <T> T getBody(final Class<T> c) throws JMSException
    {
        throw new MessageFormatException("the body of a StreamMessage cannot be returned as one object");
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(final Class c)
    {
        return false;
    }

    @Override
    public BodyType bodyType()
    {
        return BodyType.STREAM;
    }

    @Override
    public byte[] encodeBody() throws JMSException
    {
        final TypedValues.Buffer buffer = new TypedValues.Buffer();
        try
        {
            buffer.data.writeInt(values.size());
            for (final Object value : values)
            {
                TypedValues.write(buffer.data, value);
            }
        }
        catch (final IOException ex)
        {
            throw TypedValues.damaged(ex);
        }
        return buffer.toByteArray();
    }

    @Override
    void decodeBody(final byte[] body) throws JMSException
    {
        values.clear();
        if (body.length > 0)
        {
            try (DataInputStream in = TypedValues.input(body))
            {
                final int count = in.readInt();
                for (int i = 0; i < count; i++)
                {
                    values.add(TypedValues.read(in));
                }
            }
            catch (final IOException ex)
            {
                throw TypedValues.damaged(ex);
            }
        }
        reset();
    }

    private void append(final Object value) throws JMSException
    {
        checkBodyWritable();
        if (reading)
        {
            throw new jakarta.jms.MessageNotWriteableException("the StreamMessage is in read-only mode; call clearBody() to write it");
        }
        values.add(value);
    }

    private Object current() throws JMSException
    {
        if (!reading)
        {
            throw new MessageNotReadableException("the StreamMessage is in write-only mode; call reset() to read it");
        }
        if (bytesRemaining >= 0)
        {
            throw new MessageFormatException("a byte[] value is being read with readBytes(); finish reading it first");
        }
        if (position >= values.size())
        {
            throw new MessageEOFException("read past the end of the StreamMessage");
        }
        return values.get(position);
    }
}
