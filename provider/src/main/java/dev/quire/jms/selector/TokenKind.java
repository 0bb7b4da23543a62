package dev.quire.jms.selector;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The kinds of token a selector is made of. The keywords are reserved and case-insensitive.
 */
enum TokenKind
{
    /** A header or property name. */
    IDENTIFIER,
    /** A string literal in single quotes. */
    STRING,
    /** A numeric literal without decimal point or exponent. */
    EXACT_NUMBER,
    /** A numeric literal with a decimal point, an exponent or a floating-point suffix. */
    APPROXIMATE_NUMBER,
    /** {@code TRUE}. */
    TRUE(true),
    /** {@code FALSE}. */
    FALSE(true),
    /** {@code NULL}, only after {@code IS [NOT]}. */
    NULL(true),
    /** {@code NOT}. */
    NOT(true),
    /** {@code AND}. */
    AND(true),
    /** {@code OR}. */
    OR(true),
    /** {@code BETWEEN}. */
    BETWEEN(true),
    /** {@code LIKE}. */
    LIKE(true),
    /** {@code IN}. */
    IN(true),
    /** {@code IS}. */
    IS(true),
    /** {@code ESCAPE}. */
    ESCAPE(true),
    /** {@code =}. */
    EQUAL,
    /** {@code <>}. */
    NOT_EQUAL,
    /** {@code <}. */
    LESS,
    /** {@code <=}. */
    LESS_OR_EQUAL,
    /** {@code >}. */
    GREATER,
    /** {@code >=}. */
    GREATER_OR_EQUAL,
    /** {@code +}. */
    PLUS,
    /** {@code -}. */
    MINUS,
    /** {@code *}. */
    TIMES,
    /** {@code /}. */
    DIVIDE,
    /** {@code (}. */
    LEFT_PARENTHESIS,
    /** {@code )}. */
    RIGHT_PARENTHESIS,
    /** {@code ,}. */
    COMMA,
    /** The end of the selector. */
    END;

    private static final Map<String, TokenKind> KEYWORDS = new HashMap<>();

    static
    {
        for (final TokenKind kind : values())
        {
            if (kind.keyword)
            {
                KEYWORDS.put(kind.name(), kind);
            }
        }
    }

    private final boolean keyword;

    TokenKind()
    {
        this(false);
    }

    TokenKind(final boolean keyword)
    {
        this.keyword = keyword;
    }

    /**
     * @return true for a reserved word.
     */
    boolean keyword()
    {
        return keyword;
    }

    /**
     * @param word a word that has the form of an identifier.
     * @return the keyword it spells in any mix of (ASCII) case, or null when it is not one.
     */
    static TokenKind keyword(final String word)
    {
        for (int i = 0; i < word.length(); i++)
        {
            final char c = word.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'))
            {
                return null;
            }
        }
        return KEYWORDS.get(word.toUpperCase(Locale.ROOT));
    }
}
