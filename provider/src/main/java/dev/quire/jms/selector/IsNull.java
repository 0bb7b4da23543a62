package dev.quire.jms.selector;

import dev.quire.store.record.StoredMessage;

/**
 * {@code IS [NOT] NULL}: never unknown.
 *
 * @param operand the identifier tested.
 * @param negated true for {@code IS NOT NULL}.
 */
record IsNull(Expression operand, boolean negated) implements Expression
{
    @Override
    public Object evaluate(final StoredMessage message, final SelectorContext context)
    {
        return Boolean.valueOf(operand.evaluate(message, context) == null != negated);
    }
}
