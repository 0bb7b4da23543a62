package dev.quire.jms.selector;

import dev.quire.engine.MessageFilter;
import dev.quire.store.record.StoredMessage;
import jakarta.jms.InvalidSelectorException;

/**
 * A Jakarta Messaging message selector, parsed once into an immutable evaluator tree and then matched
 * against many messages. It is the {@link MessageFilter} the engine runs on its thread for consumers,
 * browsers and subscriptions with a selector.
 * <p>
 * The language is the SQL-92 subset of the Jakarta Messaging 3.1 specification, section 3.8.1:
 * literals, identifiers (properties and the header fields {@code JMSDeliveryMode}, {@code JMSPriority},
 * {@code JMSMessageID}, {@code JMSTimestamp}, {@code JMSCorrelationID} and {@code JMSType}), arithmetic,
 * comparisons, {@code [NOT] BETWEEN}, {@code [NOT] IN}, {@code [NOT] LIKE ... [ESCAPE ...]},
 * {@code IS [NOT] NULL}, {@code NOT}, {@code AND} and {@code OR}, evaluated in SQL's three-valued logic. A
 * message matches only when the selector is true for it; false and unknown (a missing property, a value
 * of the wrong type, a division by zero) do not match. Evaluation never throws.
 * <p>
 * A selector is thread-safe. Matching allocates nothing, except for the intermediate results of
 * arithmetic on identifiers, such as {@code size * 2 > 10}.
 */
public final class Selector implements MessageFilter
{
    private static final Selector ACCEPT_ALL = new Selector("", Constant.of(Boolean.TRUE));

    private final String text;
    private final Expression condition;

    private Selector(final String text, final Expression condition)
    {
        this.text = text;
        this.condition = condition;
    }

    /**
     * Parses a selector. The specification treats an empty selector as no selector; so do null and
     * whitespace-only text, which all return {@link #acceptAll()}.
     *
     * @param text the selector text, or null.
     * @return the selector.
     * @throws InvalidSelectorException when the text is not a valid selector; the message names the
     *                                  problem and its 0-based position and echoes the text with a caret
     *                                  under that position.
     */
    public static Selector parse(final String text) throws InvalidSelectorException
    {
        if (text == null || text.isBlank())
        {
            return ACCEPT_ALL;
        }
        return new Selector(text, SelectorParser.parse(new SelectorSource(text)));
    }

    /**
     * @return the shared selector that matches every message, standing for "no selector".
     */
    public static Selector acceptAll()
    {
        return ACCEPT_ALL;
    }

    /**
     * @return true for the selector that stands for "no selector" ({@link #acceptAll()}).
     */
    public boolean acceptsAll()
    {
        return this == ACCEPT_ALL;
    }

    /**
     * @return the selector text as given; empty for {@link #acceptAll()}.
     */
    public String text()
    {
        return text;
    }

    /**
     * Matches a message without any values beyond what it carries, so {@code JMSXDeliveryCount} and
     * similar names read as the message's stored properties (usually absent, hence null).
     *
     * @param message the message.
     * @return true when the selector is true for the message.
     */
    @Override
    public boolean matches(final StoredMessage message)
    {
        return matches(message, SelectorContext.NONE);
    }

    /**
     * Matches a message as the engine dispatches it, with its coming delivery attempt as
     * {@code JMSXDeliveryCount}.
     *
     * @param message       the message.
     * @param deliveryCount the delivery attempt, from 1.
     * @return true when the selector is true for the message.
     */
    @Override
    public boolean matches(final StoredMessage message, final int deliveryCount)
    {
        return matches(message, name -> SelectorContext.JMSX_DELIVERY_COUNT.equals(name) ? deliveryCount : null);
    }

    /**
     * @param message the message.
     * @param context values the message does not carry, such as {@code JMSXDeliveryCount}.
     * @return true when the selector is true for the message.
     */
    public boolean matches(final StoredMessage message, final SelectorContext context)
    {
        return TruthValue.isTrue(condition.evaluate(message, context));
    }

    /**
     * @return the selector text.
     */
    @Override
    public String toString()
    {
        return text;
    }
}
