package dev.quire.jms.selector;

import java.util.function.IntPredicate;

/**
 * The comparison operators. Numbers compare with Java's numeric promotion and Java's semantics for
 * {@code double} (NaN equals nothing, {@code -0.0} equals {@code 0.0}); strings and booleans only with
 * {@code =} and {@code <>}.
 */
enum ComparisonOperator
{
    /** {@code =}. */
    EQUAL(false, order -> order == 0),
    /** {@code <>}. */
    NOT_EQUAL(false, order -> order != 0),
    /** {@code <}. */
    LESS(true, order -> order < 0),
    /** {@code <=}. */
    LESS_OR_EQUAL(true, order -> order <= 0),
    /** {@code >}. */
    GREATER(true, order -> order > 0),
    /** {@code >=}. */
    GREATER_OR_EQUAL(true, order -> order >= 0);

    private final boolean ordering;
    private final IntPredicate accepts;

    ComparisonOperator(final boolean ordering, final IntPredicate accepts)
    {
        this.ordering = ordering;
        this.accepts = accepts;
    }

    /**
     * @return true for {@code <}, {@code <=}, {@code >} and {@code >=}, which apply to numbers only.
     */
    boolean ordering()
    {
        return ordering;
    }

    /**
     * @param left  the left operand.
     * @param right the right operand.
     * @return whether {@code left operator right} holds.
     */
    boolean test(final long left, final long right)
    {
        return accepts.test(Long.compare(left, right));
    }

    /**
     * @param left  the left operand.
     * @param right the right operand.
     * @return whether {@code left operator right} holds.
     */
    boolean test(final double left, final double right)
    {
        if (Double.isNaN(left) || Double.isNaN(right))
        {
            return this == NOT_EQUAL;
        }
        return accepts.test(left < right ? -1 : (left > right ? 1 : 0));
    }

    /**
     * @param left  the left operand.
     * @param right the right operand.
     * @return whether {@code left operator right} holds after numeric promotion.
     */
    boolean test(final Number left, final Number right)
    {
        return NumericPromotion.approximate(left, right) ?
            test(left.doubleValue(), right.doubleValue()) :
            test(left.longValue(), right.longValue());
    }

    /**
     * @param equal whether two strings or two booleans are equal.
     * @return whether the comparison holds; always false for an ordering operator.
     */
    boolean testEquality(final boolean equal)
    {
        return !ordering && accepts.test(equal ? 0 : 1);
    }
}
