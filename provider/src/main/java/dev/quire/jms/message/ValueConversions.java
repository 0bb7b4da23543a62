package dev.quire.jms.message;

import jakarta.jms.MessageFormatException;

/**
 * The type conversions Jakarta Messaging allows when a property, map entry or stream value written as one
 * type is read as another (the conversion tables of {@code Message}, {@code MapMessage} and
 * {@code StreamMessage}). A value that cannot be converted is a {@link MessageFormatException}; a string
 * that does not parse as the number asked for is a {@link NumberFormatException}, as the specification
 * says ("as if by {@code Integer.valueOf(String)}"); so is a null read as a number.
 */
final class ValueConversions
{
    private ValueConversions()
    {
    }

    static boolean toBoolean(final Object value) throws MessageFormatException
    {
        if (value instanceof Boolean flag)
        {
            return flag;
        }
        if (value == null || value instanceof String)
        {
            return Boolean.parseBoolean((String)value);
        }
        throw cannot(value, "boolean");
    }

    static byte toByte(final Object value) throws MessageFormatException
    {
        if (value instanceof Byte number)
        {
            return number;
        }
        if (value == null || value instanceof String)
        {
            return Byte.parseByte((String)value);
        }
        throw cannot(value, "byte");
    }

    static short toShort(final Object value) throws MessageFormatException
    {
        if (value instanceof Short || value instanceof Byte)
        {
            return ((Number)value).shortValue();
        }
        if (value == null || value instanceof String)
        {
            return Short.parseShort((String)value);
        }
        throw cannot(value, "short");
    }

    static int toInt(final Object value) throws MessageFormatException
    {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte)
        {
            return ((Number)value).intValue();
        }
        if (value == null || value instanceof String)
        {
            return Integer.parseInt((String)value);
        }
        throw cannot(value, "int");
    }

    static long toLong(final Object value) throws MessageFormatException
    {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte)
        {
            return ((Number)value).longValue();
        }
        if (value == null || value instanceof String)
        {
            return Long.parseLong((String)value);
        }
        throw cannot(value, "long");
    }

    static float toFloat(final Object value) throws MessageFormatException
    {
        if (value instanceof Float number)
        {
            return number;
        }
        if (value == null)
        {
            throw new NullPointerException("a null value cannot be read as a float");
        }
        if (value instanceof String text)
        {
            return Float.parseFloat(text);
        }
        throw cannot(value, "float");
    }

    static double toDouble(final Object value) throws MessageFormatException
    {
        if (value instanceof Double || value instanceof Float)
        {
            return ((Number)value).doubleValue();
        }
        if (value == null)
        {
            throw new NullPointerException("a null value cannot be read as a double");
        }
        if (value instanceof String text)
        {
            return Double.parseDouble(text);
        }
        throw cannot(value, "double");
    }

    static char toChar(final Object value) throws MessageFormatException
    {
        if (value instanceof Character character)
        {
            return character;
        }
        if (value == null)
        {
            throw new NullPointerException("a null value cannot be read as a char");
        }
        throw cannot(value, "char");
    }

    static String toText(final Object value) throws MessageFormatException
    {
        if (value instanceof byte[])
        {
            throw cannot(value, "String");
        }
        return value == null ? null : value.toString();
    }

    static byte[] toBytes(final Object value) throws MessageFormatException
    {
        if (value == null)
        {
            return null;
        }
        if (value instanceof byte[] bytes)
        {
            return bytes.clone();
        }
        throw cannot(value, "byte[]");
    }

    static MessageFormatException cannot(final Object value, final String type)
    {
        return new MessageFormatException("a " + value.getClass().getSimpleName() + " value cannot be read as a " + type);
    }
}
