package dev.quire.jms.selector;

/**
 * Java's binary numeric promotion as selectors apply it: when either operand is approximate
 * ({@link Float} or {@link Double}) both are used as {@code double}s, otherwise both as {@code long}s.
 */
final class NumericPromotion
{
    private NumericPromotion()
    {
    }

    /**
     * @param number a number.
     * @return true for a {@link Float} or a {@link Double}.
     */
    static boolean approximate(final Number number)
    {
        return number instanceof Double || number instanceof Float;
    }

    /**
     * @param left  one operand.
     * @param right the other operand.
     * @return true when the operation runs on {@code double}s.
     */
    static boolean approximate(final Number left, final Number right)
    {
        return approximate(left) || approximate(right);
    }
}
