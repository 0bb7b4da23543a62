package dev.quire.store.chronicle.internal;

import dev.quire.store.record.BodyType;
import dev.quire.store.record.StoredMessage;
import net.openhft.chronicle.bytes.Bytes;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.quire.store.chronicle.internal.DecodeChecks.corrupt;
import static dev.quire.store.chronicle.internal.DecodeChecks.readCount;
import static dev.quire.store.chronicle.internal.DecodeChecks.readLength;
import static dev.quire.store.chronicle.internal.DecodeChecks.readString;
import static dev.quire.store.chronicle.internal.DecodeChecks.skipRequiredString;
import static dev.quire.store.chronicle.internal.DecodeChecks.skipString;

/**
 * Encodes a {@link StoredMessage}: headers, typed properties and the body bytes.
 */
final class MessageCodec
{
    private static final int FLAG_PERSISTENT = 1;

    private static final byte TAG_BOOLEAN = 1;
    private static final byte TAG_BYTE = 2;
    private static final byte TAG_SHORT = 3;
    private static final byte TAG_INT = 4;
    private static final byte TAG_LONG = 5;
    private static final byte TAG_FLOAT = 6;
    private static final byte TAG_DOUBLE = 7;
    private static final byte TAG_STRING = 8;

    private MessageCodec()
    {
    }

    static void write(final StoredMessage message, final Bytes<byte[]> out)
    {
        StringEncoding.write(out, message.messageId());
        StringEncoding.write(out, message.correlationId());
        StringEncoding.write(out, message.type());
        StringEncoding.write(out, message.replyTo());
        out.writeByte((byte)(message.persistent() ? FLAG_PERSISTENT : 0));
        out.writeByte((byte)message.priority());
        out.writeLong(message.timestamp());
        out.writeLong(message.expiration());
        out.writeLong(message.deliveryTime());
        writeProperties(message.properties(), out);
        out.writeByte((byte)message.bodyType().code());
        out.writeStopBit(message.body().length);
        out.write(message.body());
    }

    static StoredMessage read(final Bytes<?> in)
    {
        final String messageId = readString(in);
        final String correlationId = readString(in);
        final String type = readString(in);
        final String replyTo = readString(in);
        final int flags = in.readUnsignedByte();
        final int priority = readPriority(in);
        final long timestamp = in.readLong();
        final long expiration = in.readLong();
        final long deliveryTime = in.readLong();
        final Map<String, Object> properties = readProperties(in);
        final BodyType bodyType = readBodyType(in);
        final byte[] body = new byte[readLength(in, "body")];
        in.read(body);
        return new StoredMessage(
            messageId, correlationId, type, replyTo, (flags & FLAG_PERSISTENT) != 0, priority,
            timestamp, expiration, deliveryTime, properties, bodyType, body);
    }

    /**
     * Reads what an index of pending messages needs and skips the rest (ids, properties, body), checking
     * every length and code as {@link #read(Bytes)} does, but allocating nothing.
     *
     * @param in     the message's bytes; left after them.
     * @param header receives the header.
     */
    static void readHeader(final Bytes<?> in, final MessageHeaderFlyweight header)
    {
        skipString(in, "message id");
        skipString(in, "correlation id");
        skipString(in, "type");
        skipString(in, "reply-to");
        final int flags = in.readUnsignedByte();
        final int priority = readPriority(in);
        final long timestamp = in.readLong();
        final long expiration = in.readLong();
        final long deliveryTime = in.readLong();
        header.header((flags & FLAG_PERSISTENT) != 0, priority, timestamp, expiration, deliveryTime);
        skipProperties(in);
        readBodyType(in);
        in.readSkip(readLength(in, "body"));
    }

    private static int readPriority(final Bytes<?> in)
    {
        final int priority = in.readUnsignedByte();
        if (priority > 9)
        {
            throw corrupt("message priority " + priority + " is out of range");
        }
        return priority;
    }

    private static BodyType readBodyType(final Bytes<?> in)
    {
        final int bodyCode = in.readUnsignedByte();
        final BodyType bodyType = BodyType.fromCode(bodyCode);
        if (bodyType == null)
        {
            throw corrupt("unknown body type code " + bodyCode);
        }
        return bodyType;
    }

    private static void writeProperties(final Map<String, Object> properties, final Bytes<byte[]> out)
    {
        out.writeStopBit(properties.size());
        for (final Map.Entry<String, Object> property : properties.entrySet())
        {
            StringEncoding.write(out, property.getKey());
            writeValue(property.getValue(), out);
        }
    }

    private static void writeValue(final Object value, final Bytes<byte[]> out)
    {
        if (value instanceof String text)
        {
            out.writeByte(TAG_STRING);
            StringEncoding.write(out, text);
        }
        else if (value instanceof Integer number)
        {
            out.writeByte(TAG_INT).writeInt(number);
        }
        else if (value instanceof Long number)
        {
            out.writeByte(TAG_LONG).writeLong(number);
        }
        else if (value instanceof Boolean flag)
        {
            out.writeByte(TAG_BOOLEAN).writeBoolean(flag);
        }
        else if (value instanceof Byte number)
        {
            out.writeByte(TAG_BYTE).writeByte(number);
        }
        else if (value instanceof Short number)
        {
            out.writeByte(TAG_SHORT).writeShort(number);
        }
        else if (value instanceof Float number)
        {
            out.writeByte(TAG_FLOAT).writeFloat(number);
        }
        else if (value instanceof Double number)
        {
            out.writeByte(TAG_DOUBLE).writeDouble(number);
        }
        else
        {
            throw new IllegalArgumentException("unsupported property value type " + value.getClass().getName());
        }
    }

    private static Map<String, Object> readProperties(final Bytes<?> in)
    {
        final int count = readCount(in, "property");
        final Map<String, Object> properties = new LinkedHashMap<>(Math.max(4, count * 2));
        for (int i = 0; i < count; i++)
        {
            final String name = DecodeChecks.readRequiredString(in, "property name");
            properties.put(name, readValue(in));
        }
        return properties;
    }

    private static void skipProperties(final Bytes<?> in)
    {
        final int count = readCount(in, "property");
        for (int i = 0; i < count; i++)
        {
            skipRequiredString(in, "property name");
            final byte tag = in.readByte();
            if (tag == TAG_STRING)
            {
                skipRequiredString(in, "string property value");
            }
            else
            {
                in.readSkip(fixedWidth(tag));
            }
        }
    }

    private static int fixedWidth(final byte tag)
    {
        return switch (tag)
        {
            case TAG_BOOLEAN, TAG_BYTE -> Byte.BYTES;
            case TAG_SHORT -> Short.BYTES;
            case TAG_INT, TAG_FLOAT -> Integer.BYTES;
            case TAG_LONG, TAG_DOUBLE -> Long.BYTES;
            default -> throw corrupt("unknown property type tag " + tag);
        };
    }

    private static Object readValue(final Bytes<?> in)
    {
        final byte tag = in.readByte();
        switch (tag)
        {
            case TAG_BOOLEAN:
                return in.readBoolean();
            case TAG_BYTE:
                return in.readByte();
            case TAG_SHORT:
                return in.readShort();
            case TAG_INT:
                return in.readInt();
            case TAG_LONG:
                return in.readLong();
            case TAG_FLOAT:
                return in.readFloat();
            case TAG_DOUBLE:
                return in.readDouble();
            case TAG_STRING:
                return DecodeChecks.readRequiredString(in, "string property value");
            default:
                throw corrupt("unknown property type tag " + tag);
        }
    }
}
