package dev.quire.jms.selector;

import dev.quire.store.record.StoredMessage;

/**
 * A node of a parsed selector. Nodes are immutable and so thread-safe; evaluating one never throws.
 * <p>
 * A value is null (SQL's NULL, which for a condition means <em>unknown</em>), a {@link Boolean}, a
 * {@link Number} (a {@link Float} or {@link Double} is approximate, any other is exact) or a
 * {@link String}.
 */
interface Expression
{
    /**
     * @param message the message being matched.
     * @param context values the message does not carry.
     * @return the value of this node for the message.
     */
    Object evaluate(StoredMessage message, SelectorContext context);

    /**
     * @return true when the value never depends on the message, so the parser may compute it once.
     */
    default boolean constant()
    {
        return false;
    }
}
