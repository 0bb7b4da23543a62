package dev.quire.jms.selector;

import jakarta.jms.InvalidSelectorException;

/**
 * The text of a selector being parsed, and the one place that turns a problem at an offset in it into an
 * {@link InvalidSelectorException} a person can act on: the message names the problem and the 0-based
 * character offset, echoes the selector and puts a caret under the offset on the next line.
 *
 * @param text the selector text.
 */
record SelectorSource(String text)
{
    /**
     * @param position the 0-based character offset of the problem; the text's length for its end.
     * @param problem  what is wrong, as a sentence without a full stop.
     * @return the exception to throw.
     */
    InvalidSelectorException error(final int position, final String problem)
    {
        final String head = problem + " at position " + position + " in selector: ";
        return new InvalidSelectorException(head + printable() + "\n" + " ".repeat(head.length() + position) + "^");
    }

    /**
     * @param start the offset of the first character.
     * @param end   the offset after the last character.
     * @return that part of the text.
     */
    String slice(final int start, final int end)
    {
        return text.substring(start, end);
    }

    /**
     * @param start the offset of the first character.
     * @param end   the offset after the last character.
     * @return that part of the text in double quotes, for messages (single quotes delimit string literals).
     */
    String quote(final int start, final int end)
    {
        return '"' + slice(start, end) + '"';
    }

    private String printable()
    {
        final StringBuilder printable = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            printable.append(Character.isISOControl(c) ? ' ' : c);
        }
        return printable.toString();
    }
}
