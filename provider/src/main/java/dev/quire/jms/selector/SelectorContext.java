package dev.quire.jms.selector;

/**
 * Values a selector may reference that the stored message does not carry, supplied by whoever evaluates
 * the selector. The JMS layer (or the engine, which counts deliveries) answers {@value #JMSX_DELIVERY_COUNT}
 * here; later it may answer other JMS-defined properties the same way.
 * <p>
 * A selector asks its context only for identifiers that begin with {@code JMS} and are not one of the
 * header fields a selector may reference ({@code JMSDeliveryMode}, {@code JMSPriority},
 * {@code JMSMessageID}, {@code JMSTimestamp}, {@code JMSCorrelationID}, {@code JMSType}); when the
 * context answers null, the message's stored property of that name is used. Implementations are called
 * on the evaluating thread, must be fast and must not throw.
 */
@FunctionalInterface
public interface SelectorContext
{
    /** The name of the JMS-defined property that counts delivery attempts, from 1. */
    String JMSX_DELIVERY_COUNT = "JMSXDeliveryCount";

    /** The context that supplies nothing: only the message's own headers and properties are seen. */
    SelectorContext NONE = name -> null;

    /**
     * @param name an identifier beginning with {@code JMS}, e.g. {@value #JMSX_DELIVERY_COUNT}.
     * @return its value for the message being matched, as a {@link Boolean}, {@link Byte}, {@link Short},
     *         {@link Integer}, {@link Long}, {@link Float}, {@link Double} or {@link String}; or null to fall
     *         back to the message's stored property.
     */
    Object valueOf(String name);
}
