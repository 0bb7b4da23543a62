package dev.quire.jms.selector;

import dev.quire.engine.MessageFilter;
import dev.quire.engine.SelectorCompiler;
import jakarta.jms.InvalidSelectorException;

/**
 * The engine's {@link SelectorCompiler} backed by {@link Selector#parse}: the engine uses it to rebuild
 * the filters of durable subscriptions from their stored selector texts on restart.
 */
public final class JmsSelectorCompiler implements SelectorCompiler
{
    /** The compiler; it has no state. */
    public static final JmsSelectorCompiler INSTANCE = new JmsSelectorCompiler();

    private JmsSelectorCompiler()
    {
    }

    /**
     * @param selector the selector text.
     * @return the parsed {@link Selector}.
     * @throws IllegalArgumentException when the selector is invalid; its message is that of the
     *                                  {@link InvalidSelectorException}, which is its cause.
     */
    @Override
    public MessageFilter compile(final String selector)
    {
        try
        {
            return Selector.parse(selector);
        }
        catch (final InvalidSelectorException ex)
        {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        }
    }
}
