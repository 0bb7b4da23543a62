package dev.quire.jms.selector;

import dev.quire.store.record.StoredMessage;

import java.util.function.Predicate;

/**
 * {@code [NOT] IN (...)} and {@code [NOT] LIKE ...}: a test on a string identifier. It is unknown when the
 * identifier is null or not a string, so that neither the test nor its negation selects such a message.
 *
 * @param operand the identifier tested.
 * @param test    the list membership or the compiled pattern.
 * @param negated true for {@code NOT IN} or {@code NOT LIKE}.
 */
record StringMatch(Expression operand, Predicate<String> test, boolean negated) implements Expression
{
    @Override
    public Object evaluate(final StoredMessage message, final SelectorContext context)
    {
        if (operand.evaluate(message, context) instanceof String value)
        {
            return Boolean.valueOf(test.test(value) != negated);
        }
        return null;
    }
}
