package dev.quire.jms.selector;

import jakarta.jms.InvalidSelectorException;

/**
 * The type rules the parser enforces on operands whose types it knows: conditions where a condition is
 * required, numbers for arithmetic, {@code BETWEEN} and ordering comparisons, like types on both sides of
 * {@code =} and {@code <>}, and string identifiers for {@code IN} and {@code LIKE}. A property's type is
 * unknown until a message is matched, so it passes every rule here.
 */
final class OperandRules
{
    private final SelectorSource source;

    /**
     * @param source the selector, for errors.
     */
    OperandRules(final SelectorSource source)
    {
        this.source = source;
    }

    /**
     * @param operand the operand.
     * @param role    what needs the condition, starting a sentence, e.g. "The operand of NOT".
     * @throws InvalidSelectorException when the operand is known not to be a condition.
     */
    void requireCondition(final TypedExpression operand, final String role) throws InvalidSelectorException
    {
        require(operand, ValueType.BOOLEAN, role + " must be a condition");
    }

    /**
     * @param operand  the operand.
     * @param operator the operator that needs a number, e.g. "Operator '+'".
     * @throws InvalidSelectorException when the operand is known not to be a number.
     */
    void requireNumber(final TypedExpression operand, final String operator) throws InvalidSelectorException
    {
        require(operand, ValueType.NUMBER, operator + " needs numbers");
    }

    /**
     * @param left     the left operand.
     * @param operator the comparison operator.
     * @param symbol   the operator's token.
     * @param right    the right operand.
     * @throws InvalidSelectorException when a string or boolean meets an ordering operator, or the two
     *                                  sides are known to have different types.
     */
    void requireComparable(
        final TypedExpression left, final ComparisonOperator operator, final Token symbol, final TypedExpression right)
        throws InvalidSelectorException
    {
        if (operator.ordering())
        {
            final String role = "Operator '" + source.slice(symbol.start(), symbol.end()) +
                "' compares numbers only (strings and booleans allow only = and <>)";
            require(left, ValueType.NUMBER, role);
            require(right, ValueType.NUMBER, role);
        }
        else if (left.type() != ValueType.ANY && right.type() != ValueType.ANY && left.type() != right.type())
        {
            throw source.error(symbol.start(), "Cannot compare " + describe(left) + " (" + left.type().description() +
                ") with " + describe(right) + " (" + right.type().description() + ")");
        }
    }

    /**
     * @param operand   the operand.
     * @param predicate the predicate that needs an identifier, e.g. "IS NULL".
     * @throws InvalidSelectorException when the operand is not a bare identifier.
     */
    void requireIdentifier(final TypedExpression operand, final String predicate) throws InvalidSelectorException
    {
        if (!operand.identifier())
        {
            throw source.error(operand.start(), predicate + " applies to an identifier only but found " + describe(operand));
        }
    }

    /**
     * @param operand   the operand.
     * @param predicate the predicate that needs a string identifier, e.g. "LIKE".
     * @throws InvalidSelectorException when the operand is not an identifier or is known not to be a string.
     */
    void requireStringIdentifier(final TypedExpression operand, final String predicate) throws InvalidSelectorException
    {
        requireIdentifier(operand, predicate);
        require(operand, ValueType.STRING, predicate + " applies to strings only");
    }

    private void require(final TypedExpression operand, final ValueType required, final String rule)
        throws InvalidSelectorException
    {
        if (!operand.type().mayBe(required))
        {
            throw source.error(operand.start(), rule + " but " + describe(operand) + " is " + operand.type().description());
        }
    }

    private String describe(final TypedExpression operand)
    {
        return source.quote(operand.start(), operand.end());
    }
}
