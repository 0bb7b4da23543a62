package dev.quire.jms.message;

import dev.quire.store.record.BodyType;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message whose body is a set of named, typed values, read back with the specification's conversions.
 */
public final class QuireMapMessage extends QuireMessage implements MapMessage
{
    private final Map<String, Object> entries = new LinkedHashMap<>();

    @Override
    public boolean getBoolean(final String name) throws JMSException
    {
        return ValueConversions.toBoolean(entries.get(name));
    }

    @Override
    public byte getByte(final String name) throws JMSException
    {
        return ValueConversions.toByte(entries.get(name));
    }

    @Override
    public short getShort(final String name) throws JMSException
    {
        return ValueConversions.toShort(entries.get(name));
    }

    @Override
    public char getChar(final String name) throws JMSException
    {
        return ValueConversions.toChar(entries.get(name));
    }

    @Override
    public int getInt(final String name) throws JMSException
    {
        return ValueConversions.toInt(entries.get(name));
    }

    @Override
    public long getLong(final String name) throws JMSException
    {
        return ValueConversions.toLong(entries.get(name));
    }

    @Override
    public float getFloat(final String name) throws JMSException
    {
        return ValueConversions.toFloat(entries.get(name));
    }

    @Override
    public double getDouble(final String name) throws JMSException
    {
        return ValueConversions.toDouble(entries.get(name));
    }

    @Override
    public String getString(final String name) throws JMSException
    {
        return ValueConversions.toText(entries.get(name));
    }

    @Override
    public byte[] getBytes(final String name) throws JMSException
    {
        return ValueConversions.toBytes(entries.get(name));
    }

    @Override
    public Object getObject(final String name)
    {
        final Object value = entries.get(name);
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }

    @Override
    public Enumeration<String> getMapNames()
    {
        return Collections.enumeration(entries.keySet());
    }

    @Override
    public void setBoolean(final String name, final boolean value) throws JMSException
    {
        put(name, value);
    }

    @Override
    public void setByte(final String name, final byte value) throws JMSException
    {
        put(name, value);
    }

    @Override
    public void setShort(final String name, final short value) throws JMSException
    {
        put(name, value);
    }

    @Override
    public void setChar(final String name, final char value) throws JMSException
    {
        put(name, value);
    }

    @Override
    public void setInt(final String name, final int value) throws JMSException
    {
        put(name, value);
    }

    @Override
    public void setLong(final String name, final long value) throws JMSException
    {
        put(name, value);
    }

    @Override
    public void setFloat(final String name, final float value) throws JMSException
    {
        put(name, value);
    }

    @Override
    public void setDouble(final String name, final double value) throws JMSException
    {
        put(name, value);
    }

    @Override
    public void setString(final String name, final String value) throws JMSException
    {
        put(name, value);
    }

    @Override
    public void setBytes(final String name, final byte[] value) throws JMSException
    {
        put(name, value == null ? null : value.clone());
    }

    @Override
    public void setBytes(final String name, final byte[] value, final int offset, final int length) throws JMSException
    {
        final byte[] slice = new byte[length];
        System.arraycopy(value, offset, slice, 0, length);
        put(name, slice);
    }

    @Override
    public void setObject(final String name, final Object value) throws JMSException
    {
        if (!TypedValues.allowed(value))
        {
            throw new MessageFormatException("a MapMessage cannot hold a " + value.getClass().getName());
        }
        put(name, value instanceof byte[] bytes ? bytes.clone() : value);
    }

    @Override
    public boolean itemExists(final String name)
    {
        return entries.containsKey(name);
    }

    private void put(final String name, final Object value) throws JMSException
    {
        if (name == null || name.isEmpty())
        {
            throw new IllegalArgumentException("a map entry's name must not be null or empty");
        }
        checkBodyWritable();
        entries.put(name, value);
    }

    @Override
    public void clearBody() throws JMSException
    {
        super.clearBody();
        entries.clear();
    }

    @Override
    public <T> T getBody(final Class<T> c) throws JMSException
    {
        if (entries.isEmpty())
        {
            return null;
        }
        if (!isBodyAssignableTo(c))
        {
            throw new MessageFormatException("the body of a MapMessage is a Map, not a " + c.getName());
        }
        return c.cast(new LinkedHashMap<>(entries));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(final Class c)
    {
        final Class<?> type = c;
        return entries.isEmpty() || type.isAssignableFrom(Map.class);
    }

    @Override
    public BodyType bodyType()
    {
        return BodyType.MAP;
    }

    @Override
    public byte[] encodeBody() throws JMSException
    {
        final TypedValues.Buffer buffer = new TypedValues.Buffer();
        try
        {
            buffer.data.writeInt(entries.size());
            for (final Map.Entry<String, Object> entry : entries.entrySet())
            {
                final byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
                buffer.data.writeInt(name.length);
                buffer.data.write(name);
                TypedValues.write(buffer.data, entry.getValue());
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
        entries.clear();
        if (body.length == 0)
        {
            return;
        }
        try (DataInputStream in = TypedValues.input(body))
        {
            final int count = in.readInt();
            for (int i = 0; i < count; i++)
            {
                final byte[] name = new byte[in.readInt()];
                in.readFully(name);
                entries.put(new String(name, StandardCharsets.UTF_8), TypedValues.read(in));
            }
        }
        catch (final IOException ex)
        {
            throw TypedValues.damaged(ex);
        }
    }
}
