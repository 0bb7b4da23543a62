package dev.quire.jms.selector;

import jakarta.jms.InvalidSelectorException;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * A compiled {@code LIKE} pattern: {@code _} stands for any one character, {@code %} for any sequence of
 * characters (also none), every other character for itself, and the optional escape character makes the
 * {@code _}, {@code %} or escape character after it stand for itself. Characters are Unicode code points;
 * nothing is special to regular expressions. Matching allocates nothing and takes at most
 * O(pattern × text) steps.
 */
final class LikePattern implements Predicate<String>
{
    private static final int ANY_ONE = -1;
    private static final int ANY_SEQUENCE = -2;

    /** The escape argument of {@link #compile} for a pattern without {@code ESCAPE}. */
    static final int NO_ESCAPE = -1;

    private final int[] elements;
    private final String literal;

    private LikePattern(final int[] elements)
    {
        this.elements = elements;
        this.literal = Arrays.stream(elements).allMatch(element -> element >= 0) ?
            new String(elements, 0, elements.length) : null;
    }

    /**
     * @param source   the selector, for errors.
     * @param position where the pattern literal starts in the selector.
     * @param pattern  the pattern.
     * @param escape   the escape character as a code point, or {@link #NO_ESCAPE}.
     * @return the compiled pattern.
     * @throws InvalidSelectorException when the escape character is not followed by {@code _}, {@code %}
     *                                  or itself.
     */
    static LikePattern compile(final SelectorSource source, final int position, final String pattern, final int escape)
        throws InvalidSelectorException
    {
        final int[] codePoints = pattern.codePoints().toArray();
        final int[] elements = new int[codePoints.length];
        int count = 0;
        for (int i = 0; i < codePoints.length; i++)
        {
            final int codePoint = codePoints[i];
            if (codePoint == escape && escape != NO_ESCAPE)
            {
                if (i + 1 == codePoints.length || !isEscapable(codePoints[i + 1], escape))
                {
                    throw source.error(position, "In LIKE pattern '" + pattern + "' the escape character '" +
                        Character.toString(escape) + "' must be followed by _, % or itself");
                }
                elements[count++] = codePoints[++i];
            }
            else if (codePoint == '%')
            {
                if (count == 0 || elements[count - 1] != ANY_SEQUENCE)
                {
                    elements[count++] = ANY_SEQUENCE;
                }
            }
            else
            {
                elements[count++] = codePoint == '_' ? ANY_ONE : codePoint;
            }
        }
        return new LikePattern(Arrays.copyOf(elements, count));
    }

    /**
     * @param text a string.
     * @return true when the whole string matches the pattern.
     */
    @Override
    public boolean test(final String text)
    {
        if (literal != null)
        {
            return literal.equals(text);
        }
        int at = 0;
        int element = 0;
        int retryElement = -1;
        int retryAt = 0;
        while (at < text.length())
        {
            if (element < elements.length && elements[element] == ANY_SEQUENCE)
            {
                retryElement = ++element;
                retryAt = at;
                continue;
            }
            if (element < elements.length)
            {
                final int codePoint = text.codePointAt(at);
                if (elements[element] == ANY_ONE || elements[element] == codePoint)
                {
                    element++;
                    at += Character.charCount(codePoint);
                    continue;
                }
            }
            if (retryElement < 0)
            {
                return false;
            }
            retryAt += Character.charCount(text.codePointAt(retryAt));
            at = retryAt;
            element = retryElement;
        }
        while (element < elements.length && elements[element] == ANY_SEQUENCE)
        {
            element++;
        }
        return element == elements.length;
    }

    private static boolean isEscapable(final int codePoint, final int escape)
    {
        return codePoint == '%' || codePoint == '_' || codePoint == escape;
    }
}
