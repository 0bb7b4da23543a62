package dev.quire.jms.selector;

import jakarta.jms.InvalidSelectorException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent parser for the selector grammar of Jakarta Messaging 3.1, section 3.8.1. From the
 * loosest binding to the tightest:
 * <pre>
 * condition      := junction(OR, conjunction)
 * conjunction    := junction(AND, negation)
 * negation       := NOT negation | predicate
 * predicate      := sum [ comparison-op sum
 *                       | [NOT] BETWEEN sum AND sum
 *                       | identifier [NOT] IN '(' string {',' string} ')'
 *                       | identifier [NOT] LIKE string [ESCAPE string]
 *                       | identifier IS [NOT] NULL ]
 * sum            := product { ('+' | '-') product }
 * product        := signed { ('*' | '/') signed }
 * signed         := ('+' | '-') signed | primary
 * primary        := '(' condition ')' | identifier | literal
 * </pre>
 * It checks the types it knows as it goes ({@link OperandRules}), computes the parts without identifiers
 * once, and builds the evaluator tree. It is used once per selector and is not thread-safe.
 */
final class SelectorParser
{
    private static final int MAX_NESTING = 100;
    private static final int MAX_DEPTH = 256;
    private static final Map<TokenKind, ComparisonOperator> COMPARISONS = Map.of(
        TokenKind.EQUAL, ComparisonOperator.EQUAL,
        TokenKind.NOT_EQUAL, ComparisonOperator.NOT_EQUAL,
        TokenKind.LESS, ComparisonOperator.LESS,
        TokenKind.LESS_OR_EQUAL, ComparisonOperator.LESS_OR_EQUAL,
        TokenKind.GREATER, ComparisonOperator.GREATER,
        TokenKind.GREATER_OR_EQUAL, ComparisonOperator.GREATER_OR_EQUAL);
    private static final Map<TokenKind, ArithmeticOperator> ADDITIVE = Map.of(
        TokenKind.PLUS, ArithmeticOperator.PLUS,
        TokenKind.MINUS, ArithmeticOperator.MINUS);
    private static final Map<TokenKind, ArithmeticOperator> MULTIPLICATIVE = Map.of(
        TokenKind.TIMES, ArithmeticOperator.TIMES,
        TokenKind.DIVIDE, ArithmeticOperator.DIVIDE);

    private final SelectorSource source;
    private final SelectorLexer lexer;
    private final OperandRules rules;
    private Token token;
    private int nesting;

    private SelectorParser(final SelectorSource source)
    {
        this.source = source;
        this.lexer = new SelectorLexer(source);
        this.rules = new OperandRules(source);
    }

    /**
     * @param source a selector that is not blank.
     * @return its evaluator.
     * @throws InvalidSelectorException when it is not a valid selector.
     */
    static Expression parse(final SelectorSource source) throws InvalidSelectorException
    {
        final SelectorParser parser = new SelectorParser(source);
        parser.advance();
        final TypedExpression condition = parser.condition();
        if (parser.token.kind() != TokenKind.END)
        {
            throw parser.unexpected("AND, OR or the end of the selector");
        }
        parser.rules.requireCondition(condition, "The selector");
        return condition.node();
    }

    private TypedExpression condition() throws InvalidSelectorException
    {
        return junction(TokenKind.OR, this::conjunction);
    }

    private TypedExpression conjunction() throws InvalidSelectorException
    {
        return junction(TokenKind.AND, this::negation);
    }

    private TypedExpression junction(final TokenKind operator, final Production operand) throws InvalidSelectorException
    {
        final TypedExpression first = operand.parse();
        if (token.kind() != operator)
        {
            return first;
        }
        final String role = "Each operand of " + operator.name();
        rules.requireCondition(first, role);
        final List<TypedExpression> operands = new ArrayList<>();
        operands.add(first);
        while (accept(operator))
        {
            final TypedExpression next = operand.parse();
            rules.requireCondition(next, role);
            operands.add(next);
        }
        final Expression[] nodes = operands.stream().map(TypedExpression::node).toArray(Expression[]::new);
        return combine(new Junction(nodes, operator == TokenKind.AND), ValueType.BOOLEAN,
            first.start(), operands.get(operands.size() - 1).end(), operands);
    }

    private TypedExpression negation() throws InvalidSelectorException
    {
        if (token.kind() != TokenKind.NOT)
        {
            return predicate();
        }
        final int start = token.start();
        advance();
        enter(start);
        final TypedExpression operand = negation();
        leave();
        rules.requireCondition(operand, "The operand of NOT");
        return combine(new Not(operand.node()), ValueType.BOOLEAN, start, operand.end(), List.of(operand));
    }

    private TypedExpression predicate() throws InvalidSelectorException
    {
        final TypedExpression left = sum();
        final ComparisonOperator comparison = COMPARISONS.get(token.kind());
        if (comparison != null)
        {
            return comparison(left, comparison);
        }
        switch (token.kind())
        {
            case IS:
                return isNull(left);
            case NOT:
                advance();
                return negatable(left, true);
            case BETWEEN, IN, LIKE:
                return negatable(left, false);
            default:
                return left;
        }
    }

    private TypedExpression negatable(final TypedExpression left, final boolean negated) throws InvalidSelectorException
    {
        switch (token.kind())
        {
            case BETWEEN:
                return between(left, negated);
            case IN:
                return in(left, negated);
            case LIKE:
                return like(left, negated);
            default:
                throw unexpected("BETWEEN, IN or LIKE after NOT");
        }
    }

    private TypedExpression comparison(final TypedExpression left, final ComparisonOperator operator)
        throws InvalidSelectorException
    {
        final Token symbol = token;
        advance();
        final TypedExpression right = sum();
        rules.requireComparable(left, operator, symbol, right);
        final Expression node = left.node() instanceof ExactNumber exactLeft && right.node() instanceof ExactNumber exactRight ?
            new ExactComparison(exactLeft, operator, exactRight) :
            new Comparison(left.node(), operator, right.node());
        return combine(node, ValueType.BOOLEAN, left.start(), right.end(), List.of(left, right));
    }

    private TypedExpression between(final TypedExpression value, final boolean negated) throws InvalidSelectorException
    {
        advance();
        rules.requireNumber(value, "BETWEEN");
        final TypedExpression low = sum();
        rules.requireNumber(low, "BETWEEN");
        expect(TokenKind.AND, "AND between the bounds of BETWEEN");
        final TypedExpression high = sum();
        rules.requireNumber(high, "BETWEEN");
        final Expression node;
        if (value.node() instanceof ExactNumber exact && low.node() instanceof ExactNumber lowest &&
            high.node() instanceof ExactNumber highest)
        {
            node = negated ?
                new Junction(new Expression[] {
                    new ExactComparison(exact, ComparisonOperator.LESS, lowest),
                    new ExactComparison(exact, ComparisonOperator.GREATER, highest)}, false) :
                new Junction(new Expression[] {
                    new ExactComparison(exact, ComparisonOperator.GREATER_OR_EQUAL, lowest),
                    new ExactComparison(exact, ComparisonOperator.LESS_OR_EQUAL, highest)}, true);
        }
        else
        {
            node = new Between(value.node(), low.node(), high.node(), negated);
        }
        return combine(node, ValueType.BOOLEAN, value.start(), high.end(), List.of(value, low, high));
    }

    private TypedExpression in(final TypedExpression value, final boolean negated) throws InvalidSelectorException
    {
        advance();
        rules.requireStringIdentifier(value, "IN");
        expect(TokenKind.LEFT_PARENTHESIS, "'(' after IN");
        final Set<String> values = new HashSet<>();
        do
        {
            if (token.kind() != TokenKind.STRING)
            {
                throw source.error(token.start(), "IN accepts only string literals but found " + describe(token));
            }
            values.add(token.value());
            advance();
        }
        while (accept(TokenKind.COMMA));
        final Token close = expect(TokenKind.RIGHT_PARENTHESIS, "',' or ')' in the IN list");
        final Set<String> list = Set.copyOf(values);
        return combine(new StringMatch(value.node(), list::contains, negated), ValueType.BOOLEAN,
            value.start(), close.end(), List.of(value));
    }

    private TypedExpression like(final TypedExpression value, final boolean negated) throws InvalidSelectorException
    {
        advance();
        rules.requireStringIdentifier(value, "LIKE");
        if (token.kind() != TokenKind.STRING)
        {
            throw source.error(token.start(), "LIKE needs a string literal pattern but found " + describe(token));
        }
        final Token pattern = token;
        advance();
        int escape = LikePattern.NO_ESCAPE;
        int end = pattern.end();
        if (accept(TokenKind.ESCAPE))
        {
            if (token.kind() != TokenKind.STRING || token.value().codePointCount(0, token.value().length()) != 1)
            {
                throw source.error(token.start(), "ESCAPE needs a string literal of exactly one character but found " +
                    describe(token));
            }
            escape = token.value().codePointAt(0);
            end = token.end();
            advance();
        }
        final LikePattern compiled = LikePattern.compile(source, pattern.start(), pattern.value(), escape);
        return combine(new StringMatch(value.node(), compiled, negated), ValueType.BOOLEAN, value.start(), end, List.of(value));
    }

    private TypedExpression isNull(final TypedExpression value) throws InvalidSelectorException
    {
        advance();
        rules.requireIdentifier(value, "IS NULL");
        final boolean negated = accept(TokenKind.NOT);
        final Token nullKeyword = expect(TokenKind.NULL, negated ? "NULL after IS NOT" : "NULL or NOT after IS");
        return combine(new IsNull(value.node(), negated), ValueType.BOOLEAN, value.start(), nullKeyword.end(), List.of(value));
    }

    private TypedExpression sum() throws InvalidSelectorException
    {
        return arithmetic(this::product, ADDITIVE);
    }

    private TypedExpression product() throws InvalidSelectorException
    {
        return arithmetic(this::signed, MULTIPLICATIVE);
    }

    private TypedExpression arithmetic(final Production operand, final Map<TokenKind, ArithmeticOperator> operators)
        throws InvalidSelectorException
    {
        TypedExpression left = operand.parse();
        for (ArithmeticOperator operator = operators.get(token.kind()); operator != null; operator = operators.get(token.kind()))
        {
            final String role = "Operator '" + text(token) + "'";
            rules.requireNumber(left, role);
            advance();
            final TypedExpression right = operand.parse();
            rules.requireNumber(right, role);
            left = combine(new Arithmetic(left.node(), operator, right.node()), ValueType.NUMBER,
                left.start(), right.end(), List.of(left, right));
        }
        return left;
    }

    private TypedExpression signed() throws InvalidSelectorException
    {
        if (token.kind() != TokenKind.PLUS && token.kind() != TokenKind.MINUS)
        {
            return primary();
        }
        final Token sign = token;
        final boolean negate = sign.kind() == TokenKind.MINUS;
        advance();
        if (negate && token.kind() == TokenKind.EXACT_NUMBER)
        {
            final Token literal = token;
            advance();
            return TypedExpression.literal(
                new ExactConstant(NumericLiteral.exactValue(source, literal, true)), ValueType.NUMBER, sign.start(), literal.end());
        }
        enter(sign.start());
        final TypedExpression operand = signed();
        leave();
        rules.requireNumber(operand, "Unary '" + text(sign) + "'");
        return combine(new UnaryArithmetic(operand.node(), negate), ValueType.NUMBER, sign.start(), operand.end(), List.of(operand));
    }

    private TypedExpression primary() throws InvalidSelectorException
    {
        final Token first = token;
        switch (first.kind())
        {
            case LEFT_PARENTHESIS:
                advance();
                enter(first.start());
                final TypedExpression inner = condition();
                leave();
                final Token close = expect(TokenKind.RIGHT_PARENTHESIS, "')' to close the '(' at position " + first.start());
                return new TypedExpression(inner.node(), inner.type(), first.start(), close.end(), false, inner.depth());
            case IDENTIFIER:
                advance();
                return Identifiers.resolve(first);
            case STRING:
                advance();
                return TypedExpression.literal(Constant.of(first.value()), ValueType.STRING, first.start(), first.end());
            case EXACT_NUMBER:
                advance();
                return TypedExpression.literal(
                    new ExactConstant(NumericLiteral.exactValue(source, first, false)), ValueType.NUMBER, first.start(), first.end());
            case APPROXIMATE_NUMBER:
                advance();
                return TypedExpression.literal(Constant.of(NumericLiteral.approximateValue(source, first)),
                    ValueType.NUMBER, first.start(), first.end());
            case TRUE, FALSE:
                advance();
                return TypedExpression.literal(Constant.of(first.kind() == TokenKind.TRUE), ValueType.BOOLEAN, first.start(), first.end());
            case NULL:
                throw source.error(first.start(), "NULL is allowed only in IS NULL and IS NOT NULL");
            default:
                throw unexpected("an identifier, a literal or '('");
        }
    }

    private TypedExpression combine(
        final Expression node, final ValueType type, final int start, final int end, final List<TypedExpression> operands)
        throws InvalidSelectorException
    {
        int depth = 0;
        boolean constant = true;
        for (final TypedExpression operand : operands)
        {
            depth = Math.max(depth, operand.depth());
            constant &= operand.node().constant();
        }
        if (depth >= MAX_DEPTH)
        {
            throw source.error(start, "Expression is nested too deeply (more than " + MAX_DEPTH + " levels)");
        }
        final Expression evaluator = constant ? Constant.of(node.evaluate(null, SelectorContext.NONE)) : node;
        return new TypedExpression(evaluator, type, start, end, false, depth + 1);
    }

    private void enter(final int position) throws InvalidSelectorException
    {
        if (++nesting > MAX_NESTING)
        {
            throw source.error(position, "Selector nests too deeply (more than " + MAX_NESTING + " levels)");
        }
    }

    private void leave()
    {
        nesting--;
    }

    private void advance() throws InvalidSelectorException
    {
        token = lexer.next();
    }

    private boolean accept(final TokenKind kind) throws InvalidSelectorException
    {
        if (token.kind() != kind)
        {
            return false;
        }
        advance();
        return true;
    }

    private Token expect(final TokenKind kind, final String expected) throws InvalidSelectorException
    {
        final Token found = token;
        if (found.kind() != kind)
        {
            throw unexpected(expected);
        }
        advance();
        return found;
    }

    private InvalidSelectorException unexpected(final String expected)
    {
        return source.error(token.start(), "Expected " + expected + " but found " + describe(token));
    }

    private String text(final Token found)
    {
        return source.slice(found.start(), found.end());
    }

    private String describe(final Token found)
    {
        final String text = text(found);
        switch (found.kind())
        {
            case END:
                return "the end of the selector";
            case IDENTIFIER:
                return "identifier " + text;
            case STRING:
                return "string " + text;
            case EXACT_NUMBER, APPROXIMATE_NUMBER:
                return "number " + text;
            default:
                return found.kind().keyword() ? "keyword " + found.kind().name() : "'" + text + "'";
        }
    }

    /**
     * One rule of the grammar, parsed from the current token on.
     */
    @FunctionalInterface
    private interface Production
    {
        TypedExpression parse() throws InvalidSelectorException;
    }
}
