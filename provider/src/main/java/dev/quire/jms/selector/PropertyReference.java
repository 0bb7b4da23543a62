package dev.quire.jms.selector;

import dev.quire.store.record.StoredMessage;

/**
 * An application property of the message: its stored value with the type it was set with, or null when
 * the message does not have it. No conversions apply.
 *
 * @param name the property name.
 */
record PropertyReference(String name) implements Expression
{
    @Override
    public Object evaluate(final StoredMessage message, final SelectorContext context)
    {
        return message.properties().get(name);
    }
}
