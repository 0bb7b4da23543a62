package dev.quire.jms.selector;

import dev.quire.store.record.StoredMessage;

/**
 * A comparison of two exact numbers that are never null, such as {@code JMSTimestamp > 1700000000000}:
 * it runs on primitive {@code long}s and allocates nothing.
 *
 * @param left     the left operand.
 * @param operator the operator.
 * @param right    the right operand.
 */
record ExactComparison(ExactNumber left, ComparisonOperator operator, ExactNumber right) implements Expression
{
    @Override
    public Object evaluate(final StoredMessage message, final SelectorContext context)
    {
        return Boolean.valueOf(operator.test(left.exactValue(message, context), right.exactValue(message, context)));
    }
}
