package dev.quire.jms.selector;

import jakarta.jms.InvalidSelectorException;

/**
 * Splits a selector into tokens, one at a time. Whitespace is what Java calls whitespace: space,
 * horizontal tab, form feed and line terminators.
 */
final class SelectorLexer
{
    private final SelectorSource source;
    private final String text;
    private int position;

    /**
     * @param source the selector.
     */
    SelectorLexer(final SelectorSource source)
    {
        this.source = source;
        this.text = source.text();
    }

    /**
     * @return the next token; {@link TokenKind#END} at the end, and again on every further call.
     * @throws InvalidSelectorException at a character no token starts with, an unterminated string or a
     *                                  malformed number.
     */
    Token next() throws InvalidSelectorException
    {
        skipWhitespace();
        final int start = position;
        if (start >= text.length())
        {
            return new Token(TokenKind.END, start, start, null);
        }
        final char c = text.charAt(start);
        if (c == '\'')
        {
            return string(start);
        }
        if (isDigit(c) || c == '.' && isDigit(charAt(start + 1)))
        {
            return number(start);
        }
        if (Character.isJavaIdentifierStart(text.codePointAt(start)))
        {
            return word(start);
        }
        return operator(start, c);
    }

    private void skipWhitespace()
    {
        while (position < text.length())
        {
            final char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\f' && c != '\n' && c != '\r')
            {
                return;
            }
            position++;
        }
    }

    private Token string(final int start) throws InvalidSelectorException
    {
        final StringBuilder value = new StringBuilder();
        int at = start + 1;
        while (true)
        {
            if (at >= text.length())
            {
                throw source.error(start, "Unterminated string literal");
            }
            final char c = text.charAt(at++);
            if (c == '\'')
            {
                if (charAt(at) != '\'')
                {
                    break;
                }
                at++;
            }
            value.append(c);
        }
        position = at;
        return new Token(TokenKind.STRING, start, at, value.toString());
    }

    private Token number(final int start) throws InvalidSelectorException
    {
        final boolean hexadecimal = charAt(start) == '0' && (charAt(start + 1) == 'x' || charAt(start + 1) == 'X');
        int at = start;
        while (at < text.length())
        {
            final char c = text.charAt(at);
            final boolean exponentSign = (c == '+' || c == '-') && !hexadecimal &&
                (charAt(at - 1) == 'e' || charAt(at - 1) == 'E');
            if (!(Character.isJavaIdentifierPart(c) || c == '.' || exponentSign))
            {
                break;
            }
            at++;
        }
        final String literal = text.substring(start, at);
        final TokenKind kind = NumericLiteral.classify(literal);
        if (kind == null)
        {
            throw source.error(start, "Malformed number '" + literal + "'");
        }
        position = at;
        return new Token(kind, start, at, literal);
    }

    private Token word(final int start)
    {
        int at = start;
        while (at < text.length())
        {
            final int codePoint = text.codePointAt(at);
            if (at > start && !Character.isJavaIdentifierPart(codePoint))
            {
                break;
            }
            at += Character.charCount(codePoint);
        }
        final String word = text.substring(start, at);
        final TokenKind keyword = TokenKind.keyword(word);
        position = at;
        return new Token(keyword == null ? TokenKind.IDENTIFIER : keyword, start, at, word);
    }

    private Token operator(final int start, final char c) throws InvalidSelectorException
    {
        final char following = charAt(start + 1);
        switch (c)
        {
            case '=':
                if (following == '=')
                {
                    throw source.error(start, "Unknown operator '=='; equality is '='");
                }
                return symbol(TokenKind.EQUAL, start, 1);
            case '<':
                if (following == '=')
                {
                    return symbol(TokenKind.LESS_OR_EQUAL, start, 2);
                }
                return following == '>' ? symbol(TokenKind.NOT_EQUAL, start, 2) : symbol(TokenKind.LESS, start, 1);
            case '>':
                return following == '=' ? symbol(TokenKind.GREATER_OR_EQUAL, start, 2) : symbol(TokenKind.GREATER, start, 1);
            case '+':
                return symbol(TokenKind.PLUS, start, 1);
            case '-':
                return symbol(TokenKind.MINUS, start, 1);
            case '*':
                return symbol(TokenKind.TIMES, start, 1);
            case '/':
                return symbol(TokenKind.DIVIDE, start, 1);
            case '(':
                return symbol(TokenKind.LEFT_PARENTHESIS, start, 1);
            case ')':
                return symbol(TokenKind.RIGHT_PARENTHESIS, start, 1);
            case ',':
                return symbol(TokenKind.COMMA, start, 1);
            default:
                throw source.error(start, unexpected(c, following));
        }
    }

    private Token symbol(final TokenKind kind, final int start, final int length)
    {
        position = start + length;
        return new Token(kind, start, position, null);
    }

    private static String unexpected(final char c, final char following)
    {
        if (c == '!' && following == '=')
        {
            return "Unknown operator '!='; inequality is '<>'";
        }
        if (c == '&' && following == '&')
        {
            return "Unknown operator '&&'; use AND";
        }
        if (c == '|' && following == '|')
        {
            return "Unknown operator '||'; use OR";
        }
        if (c == '"')
        {
            return "Unexpected character '\"'; string literals are in single quotes";
        }
        final boolean invisible = Character.isISOControl(c) || Character.isSpaceChar(c) || Character.isSurrogate(c);
        final String shown = invisible ? String.format("\\u%04x", (int)c) : String.valueOf(c);
        return "Unexpected character '" + shown + "'";
    }

    private char charAt(final int index)
    {
        return index >= 0 && index < text.length() ? text.charAt(index) : '\0';
    }

    private static boolean isDigit(final char c)
    {
        return c >= '0' && c <= '9';
    }
}
