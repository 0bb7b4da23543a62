package dev.quire.jms.selector;

import dev.quire.store.record.StoredMessage;

/**
 * Unary {@code +} or {@code -} on an operand that is not a literal. It has no value (SQL NULL) when the
 * operand is null or not a number.
 *
 * @param operand the operand.
 * @param negate  true for {@code -}, false for {@code +}.
 */
record UnaryArithmetic(Expression operand, boolean negate) implements Expression
{
    @Override
    public Object evaluate(final StoredMessage message, final SelectorContext context)
    {
        if (!(operand.evaluate(message, context) instanceof Number number))
        {
            return null;
        }
        if (!negate)
        {
            return number;
        }
        return NumericPromotion.approximate(number) ? Double.valueOf(-number.doubleValue()) : Long.valueOf(-number.longValue());
    }
}
