package dev.quire.jms.selector;

import dev.quire.store.record.StoredMessage;

/**
 * {@code [NOT] BETWEEN low AND high}, which is {@code value >= low AND value <= high} (or its negation)
 * in three-valued logic. It is unknown when the value is null or not a number, so that neither the test
 * nor its negation selects such a message; a bound that is null or not a number makes its half unknown.
 *
 * @param operand the value tested.
 * @param low     the lower bound, inclusive.
 * @param high    the upper bound, inclusive.
 * @param negated true for {@code NOT BETWEEN}.
 */
record Between(Expression operand, Expression low, Expression high, boolean negated) implements Expression
{
    @Override
    public Object evaluate(final StoredMessage message, final SelectorContext context)
    {
        if (!(operand.evaluate(message, context) instanceof Number value))
        {
            return null;
        }
        final Boolean inside = TruthValue.and(
            holds(value, ComparisonOperator.GREATER_OR_EQUAL, low.evaluate(message, context)),
            holds(value, ComparisonOperator.LESS_OR_EQUAL, high.evaluate(message, context)));
        return negated ? TruthValue.not(inside) : inside;
    }

    private static Boolean holds(final Number value, final ComparisonOperator operator, final Object bound)
    {
        return bound instanceof Number number ? Boolean.valueOf(operator.test(value, number)) : null;
    }
}
