package dev.quire.jms.selector;

import dev.quire.store.record.StoredMessage;

/**
 * A name beginning with {@code JMS} that is not a selectable header, such as {@code JMSXDeliveryCount}
 * or a provider-specific {@code JMS_} property: the {@link SelectorContext}'s value, else the message's
 * stored property of that name, else null.
 *
 * @param name the property name.
 */
record SuppliedPropertyReference(String name) implements Expression
{
    @Override
    public Object evaluate(final StoredMessage message, final SelectorContext context)
    {
        final Object supplied = context.valueOf(name);
        return supplied != null ? supplied : message.properties().get(name);
    }
}
