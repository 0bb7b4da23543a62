package dev.quire.jms.selector;

import dev.quire.store.record.StoredMessage;

/**
 * {@code NOT}: true for false, false for true, unknown for unknown.
 *
 * @param operand the condition to negate.
 */
record Not(Expression operand) implements Expression
{
    @Override
    public Object evaluate(final StoredMessage message, final SelectorContext context)
    {
        return TruthValue.not(operand.evaluate(message, context));
    }
}
