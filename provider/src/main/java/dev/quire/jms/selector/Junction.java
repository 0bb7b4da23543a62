package dev.quire.jms.selector;

import dev.quire.store.record.StoredMessage;

/**
 * A chain of {@code AND}s or of {@code OR}s in three-valued logic, evaluated left to right and stopping
 * at the first operand that decides the result (false for {@code AND}, true for {@code OR}). Keeping a
 * chain flat keeps long selectors such as {@code a = 1 OR a = 2 OR ...} shallow.
 *
 * @param operands    the conditions, at least two.
 * @param conjunction true for {@code AND}, false for {@code OR}.
 */
record Junction(Expression[] operands, boolean conjunction) implements Expression
{
    @Override
    public Object evaluate(final StoredMessage message, final SelectorContext context)
    {
        final Boolean decisive = Boolean.valueOf(!conjunction);
        boolean unknown = false;
        for (final Expression operand : operands)
        {
            final Object value = operand.evaluate(message, context);
            if (decisive.equals(value))
            {
                return decisive;
            }
            unknown |= !(value instanceof Boolean);
        }
        return unknown ? null : Boolean.valueOf(conjunction);
    }
}
