package dev.quire.jms.selector;

/**
 * An expression as the parser sees it: the evaluator node together with what the type checks and the
 * error messages need.
 *
 * @param node       the evaluator.
 * @param type       what is known about the type of its value.
 * @param start      the offset of its first character in the selector.
 * @param end        the offset after its last character.
 * @param identifier true for a bare identifier, which {@code IN}, {@code LIKE} and {@code IS NULL} require.
 * @param depth      the height of the evaluator tree below and including the node.
 */
record TypedExpression(Expression node, ValueType type, int start, int end, boolean identifier, int depth)
{
    /**
     * @param node  a literal's constant.
     * @param type  the literal's type.
     * @param start the offset of its first character.
     * @param end   the offset after its last character.
     * @return the literal as an expression.
     */
    static TypedExpression literal(final Expression node, final ValueType type, final int start, final int end)
    {
        return new TypedExpression(node, type, start, end, false, 1);
    }
}
