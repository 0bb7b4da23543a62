package dev.quire.jms.selector;

import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * The binary arithmetic operators, with Java's numeric promotion. Exact arithmetic wraps around as
 * Java's {@code long} arithmetic does; division by zero, exact or approximate, has no value (SQL NULL).
 */
enum ArithmeticOperator
{
    /** {@code +}. */
    PLUS(Long::sum, Double::sum),
    /** {@code -}. */
    MINUS((a, b) -> a - b, (a, b) -> a - b),
    /** {@code *}. */
    TIMES((a, b) -> a * b, (a, b) -> a * b),
    /** {@code /}. */
    DIVIDE((a, b) -> a / b, (a, b) -> a / b);

    private final LongBinaryOperator exact;
    private final DoubleBinaryOperator approximate;

    ArithmeticOperator(final LongBinaryOperator exact, final DoubleBinaryOperator approximate)
    {
        this.exact = exact;
        this.approximate = approximate;
    }

    /**
     * @param left  the left operand.
     * @param right the right operand.
     * @return the result, a {@link Long} or a {@link Double}; null for a division by zero.
     */
    Number apply(final Number left, final Number right)
    {
        if (NumericPromotion.approximate(left, right))
        {
            final double divisor = right.doubleValue();
            return this == DIVIDE && divisor == 0.0 ? null : Double.valueOf(approximate.applyAsDouble(left.doubleValue(), divisor));
        }
        final long divisor = right.longValue();
        return this == DIVIDE && divisor == 0 ? null : Long.valueOf(exact.applyAsLong(left.longValue(), divisor));
    }
}
