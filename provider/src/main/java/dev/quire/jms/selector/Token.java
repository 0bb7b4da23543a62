package dev.quire.jms.selector;

/**
 * One token of a selector.
 *
 * @param kind  what it is.
 * @param start the 0-based offset of its first character.
 * @param end   the offset after its last character.
 * @param value for a string literal its content with {@code ''} unescaped; for an identifier or a
 *              keyword the word; for a number the literal as written; otherwise null.
 */
record Token(TokenKind kind, int start, int end, String value)
{
}
