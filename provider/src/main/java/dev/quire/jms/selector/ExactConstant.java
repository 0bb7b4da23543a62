package dev.quire.jms.selector;

import dev.quire.store.record.StoredMessage;

/**
 * An exact numeric constant, kept both boxed and as a primitive so that neither form allocates.
 */
final class ExactConstant extends Constant implements ExactNumber
{
    private final long value;

    /**
     * @param value the value.
     */
    ExactConstant(final long value)
    {
        super(value);
        this.value = value;
    }

    @Override
    public long exactValue(final StoredMessage message, final SelectorContext context)
    {
        return value;
    }
}
