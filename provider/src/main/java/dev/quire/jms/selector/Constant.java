package dev.quire.jms.selector;

import dev.quire.store.record.StoredMessage;

/**
 * A literal, or a part of the selector the parser computed because it has no identifiers in it.
 */
class Constant implements Expression
{
    private final Object value;

    /**
     * @param value null, a {@link Boolean}, a {@link Long}, a {@link Double} or a {@link String}.
     */
    Constant(final Object value)
    {
        this.value = value;
    }

    /**
     * @param value null, a {@link Boolean}, a {@link Long}, a {@link Double} or a {@link String}.
     * @return the constant node; an {@link ExactConstant} for a {@link Long}.
     */
    static Constant of(final Object value)
    {
        return value instanceof Long exact ? new ExactConstant(exact) : new Constant(value);
    }

    @Override
    public final Object evaluate(final StoredMessage message, final SelectorContext context)
    {
        return value;
    }

    @Override
    public final boolean constant()
    {
        return true;
    }
}
