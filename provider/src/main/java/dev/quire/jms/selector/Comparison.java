package dev.quire.jms.selector;

import dev.quire.store.record.StoredMessage;

/**
 * A comparison of two values: unknown when either is null; false when their types are not alike
 * (a number and a string, say) or when strings or booleans meet an ordering operator.
 *
 * @param left     the left operand.
 * @param operator the operator.
 * @param right    the right operand.
 */
record Comparison(Expression left, ComparisonOperator operator, Expression right) implements Expression
{
    @Override
    public Object evaluate(final StoredMessage message, final SelectorContext context)
    {
        final Object leftValue = left.evaluate(message, context);
        if (leftValue == null)
        {
            return null;
        }
        final Object rightValue = right.evaluate(message, context);
        if (rightValue == null)
        {
            return null;
        }
        if (leftValue instanceof Number leftNumber && rightValue instanceof Number rightNumber)
        {
            return Boolean.valueOf(operator.test(leftNumber, rightNumber));
        }
        if (leftValue instanceof String && rightValue instanceof String ||
            leftValue instanceof Boolean && rightValue instanceof Boolean)
        {
            return Boolean.valueOf(operator.testEquality(leftValue.equals(rightValue)));
        }
        return Boolean.FALSE;
    }
}
