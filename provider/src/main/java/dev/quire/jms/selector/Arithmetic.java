package dev.quire.jms.selector;

import dev.quire.store.record.StoredMessage;

/**
 * A binary arithmetic operation. It has no value (SQL NULL) when an operand is null or not a number,
 * such as a property that was set as a string.
 *
 * @param left     the left operand.
 * @param operator the operator.
 * @param right    the right operand.
 */
record Arithmetic(Expression left, ArithmeticOperator operator, Expression right) implements Expression
{
    @Override
    public Object evaluate(final StoredMessage message, final SelectorContext context)
    {
        if (left.evaluate(message, context) instanceof Number leftValue &&
            right.evaluate(message, context) instanceof Number rightValue)
        {
            return operator.apply(leftValue, rightValue);
        }
        return null;
    }
}
