package dev.quire.jms.selector;

/**
 * SQL's three-valued logic over selector values: {@link Boolean#TRUE}, {@link Boolean#FALSE} and
 * unknown, which is null or any value that is not a boolean (a string property used as a condition, say).
 */
final class TruthValue
{
    private TruthValue()
    {
    }

    /**
     * @param value a value.
     * @return true only when it is the boolean true.
     */
    static boolean isTrue(final Object value)
    {
        return Boolean.TRUE.equals(value);
    }

    /**
     * @param value a value.
     * @return its negation; null (unknown) when it is unknown.
     */
    static Boolean not(final Object value)
    {
        return value instanceof Boolean truth ? Boolean.valueOf(!truth) : null;
    }

    /**
     * @param left  one value.
     * @param right another value.
     * @return false when either is false, else unknown (null) when either is unknown, else true.
     */
    static Boolean and(final Object left, final Object right)
    {
        if (Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right))
        {
            return Boolean.FALSE;
        }
        return isTrue(left) && isTrue(right) ? Boolean.TRUE : null;
    }
}
