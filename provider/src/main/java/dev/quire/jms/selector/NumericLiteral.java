package dev.quire.jms.selector;

import jakarta.jms.InvalidSelectorException;

/**
 * Java's numeric literal syntax, as selectors use it. Exact literals are decimal, hexadecimal
 * ({@code 0x1d}), octal ({@code 035}) or binary ({@code 0b11101}), with an optional {@code L} suffix, and
 * must fit in a {@code long}; the decimal {@code 9223372036854775808} is allowed only after a unary minus.
 * Non-decimal literals are read as unsigned 64-bit patterns, as Java reads them with an {@code L} suffix.
 * Approximate literals have a decimal point, an exponent or an {@code F}/{@code D} suffix
 * ({@code 7.}, {@code .7e4}, {@code -57.9E2}, {@code 1f}); an {@code F} literal has the value of the
 * {@code float} Java would give it. Underscores between digits and hexadecimal floating-point literals are
 * not supported.
 */
final class NumericLiteral
{
    private NumericLiteral()
    {
    }

    /**
     * @param literal a run of characters that starts like a number.
     * @return {@link TokenKind#EXACT_NUMBER}, {@link TokenKind#APPROXIMATE_NUMBER}, or null when it is not
     *         a numeric literal.
     */
    static TokenKind classify(final String literal)
    {
        if (radix(literal) != 0)
        {
            return TokenKind.EXACT_NUMBER;
        }
        return isApproximate(literal) ? TokenKind.APPROXIMATE_NUMBER : null;
    }

    /**
     * @param source  the selector, for errors.
     * @param token   an {@link TokenKind#EXACT_NUMBER} token.
     * @param negated true when a unary minus precedes it, so that {@code Long.MIN_VALUE} can be written.
     * @return its value, negated when asked.
     * @throws InvalidSelectorException when it does not fit in a {@code long}.
     */
    static long exactValue(final SelectorSource source, final Token token, final boolean negated)
        throws InvalidSelectorException
    {
        final String literal = token.value();
        final int radix = radix(literal);
        final String digits = digits(literal, radix);
        try
        {
            if (radix == 10)
            {
                return Long.parseLong(negated ? "-" + digits : digits);
            }
            final long value = Long.parseUnsignedLong(digits, radix);
            return negated ? -value : value;
        }
        catch (final NumberFormatException ex)
        {
            throw source.error(token.start(), "Number " + literal + " is out of the range of a long");
        }
    }

    /**
     * @param source the selector, for errors.
     * @param token  an {@link TokenKind#APPROXIMATE_NUMBER} token.
     * @return its value.
     * @throws InvalidSelectorException when it is too large for its type.
     */
    static double approximateValue(final SelectorSource source, final Token token) throws InvalidSelectorException
    {
        final String literal = token.value();
        final char suffix = literal.charAt(literal.length() - 1);
        final double value = suffix == 'f' || suffix == 'F' ? Float.parseFloat(literal) : Double.parseDouble(literal);
        if (Double.isInfinite(value))
        {
            throw source.error(token.start(), "Number " + literal + " is out of the range of a " +
                (suffix == 'f' || suffix == 'F' ? "float" : "double"));
        }
        return value;
    }

    private static int radix(final String literal)
    {
        final String body = withoutSuffix(literal, "lL");
        if (body.length() > 2 && body.charAt(0) == '0' && (body.charAt(1) == 'x' || body.charAt(1) == 'X'))
        {
            return allDigits(body, 2, 16) ? 16 : 0;
        }
        if (body.length() > 2 && body.charAt(0) == '0' && (body.charAt(1) == 'b' || body.charAt(1) == 'B'))
        {
            return allDigits(body, 2, 2) ? 2 : 0;
        }
        if (body.length() > 1 && body.charAt(0) == '0')
        {
            return allDigits(body, 1, 8) ? 8 : 0;
        }
        return !body.isEmpty() && allDigits(body, 0, 10) ? 10 : 0;
    }

    private static String digits(final String literal, final int radix)
    {
        final String body = withoutSuffix(literal, "lL");
        return radix == 16 || radix == 2 ? body.substring(2) : body;
    }

    private static boolean isApproximate(final String literal)
    {
        final String body = withoutSuffix(literal, "fFdD");
        final boolean suffixed = body.length() < literal.length();
        int at = 0;
        final int integerDigits = countDigits(body, at);
        at += integerDigits;
        int fractionDigits = 0;
        final boolean point = at < body.length() && body.charAt(at) == '.';
        if (point)
        {
            at++;
            fractionDigits = countDigits(body, at);
            at += fractionDigits;
        }
        if (integerDigits + fractionDigits == 0)
        {
            return false;
        }
        final boolean exponent = at < body.length() && (body.charAt(at) == 'e' || body.charAt(at) == 'E');
        if (exponent)
        {
            at++;
            if (at < body.length() && (body.charAt(at) == '+' || body.charAt(at) == '-'))
            {
                at++;
            }
            final int exponentDigits = countDigits(body, at);
            if (exponentDigits == 0)
            {
                return false;
            }
            at += exponentDigits;
        }
        return at == body.length() && (point || exponent || suffixed);
    }

    private static String withoutSuffix(final String literal, final String suffixes)
    {
        final boolean suffixed = !literal.isEmpty() && suffixes.indexOf(literal.charAt(literal.length() - 1)) >= 0;
        return suffixed ? literal.substring(0, literal.length() - 1) : literal;
    }

    private static boolean allDigits(final String text, final int from, final int radix)
    {
        for (int i = from; i < text.length(); i++)
        {
            if (asciiDigit(text.charAt(i)) >= radix)
            {
                return false;
            }
        }
        return from < text.length();
    }

    private static int asciiDigit(final char c)
    {
        if (c >= '0' && c <= '9')
        {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')
        {
            return 10 + Character.toLowerCase(c) - 'a';
        }
        return Integer.MAX_VALUE;
    }

    private static int countDigits(final String text, final int from)
    {
        int at = from;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9')
        {
            at++;
        }
        return at - from;
    }
}
