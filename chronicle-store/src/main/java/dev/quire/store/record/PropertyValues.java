package dev.quire.store.record;

/**
 * The rules for message property values that the store can keep.
 */
final class PropertyValues
{
    private PropertyValues()
    {
    }

    static void requireSupported(final String name, final Object value)
    {
        if (name == null || name.isEmpty())
        {
            throw new IllegalArgumentException("a property name must not be null or empty");
        }
        if (!(value instanceof Boolean || value instanceof Byte || value instanceof Short ||
            value instanceof Integer || value instanceof Long || value instanceof Float ||
            value instanceof Double || value instanceof String))
        {
            throw new IllegalArgumentException("property '" + name + "' has a value of unsupported type " +
                (value == null ? "null" : value.getClass().getName()));
        }
    }
}
