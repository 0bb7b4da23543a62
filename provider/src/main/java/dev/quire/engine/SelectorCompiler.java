package dev.quire.engine;

/**
 * Turns a selector text into a filter. The engine needs one to rebuild durable subscriptions with
 * selectors after a restart; the JMS layer supplies its selector parser.
 */
@FunctionalInterface
public interface SelectorCompiler
{
    /** A compiler for brokers whose subscriptions never have selectors; any selector is an error. */
    SelectorCompiler NONE = selector ->
    {
        throw new IllegalArgumentException("no selector compiler is configured for selector '" + selector + "'");
    };

    /**
     * @param selector the selector text (never null).
     * @return its filter.
     * @throws IllegalArgumentException when the selector is invalid.
     */
    MessageFilter compile(String selector);
}
