package dev.quire.jms.selector;

/**
 * What the parser knows about the type of an expression's value. Literals, operators and the header
 * fields have known types; a property's type is known only when a message is matched.
 */
enum ValueType
{
    /** A condition or a boolean literal. */
    BOOLEAN("a boolean"),
    /** An arithmetic expression, a numeric literal, {@code JMSPriority} or {@code JMSTimestamp}. */
    NUMBER("a number"),
    /** A string literal or a string header field. */
    STRING("a string"),
    /** A property, whose type depends on the message. */
    ANY("of any type");

    private final String description;

    ValueType(final String description)
    {
        this.description = description;
    }

    /**
     * @return the type for messages, with its article, e.g. "a number".
     */
    String description()
    {
        return description;
    }

    /**
     * @param required the type an operator needs.
     * @return true unless this type is known and differs from it.
     */
    boolean mayBe(final ValueType required)
    {
        return this == ANY || this == required;
    }
}
