package dev.quire.store;

/**
 * Told on the journal's flusher thread each time more of the journal has been forced to disk, before the
 * threads waiting in {@link Journal#awaitDurable(long)} are woken. It must return quickly and must not
 * call back into the journal's blocking methods; an exception it throws is logged and ignored.
 */
@FunctionalInterface
public interface DurabilityListener
{
    /**
     * @param durablePosition every record at or below this position is now on disk.
     */
    void onDurable(long durablePosition);

    /**
     * A flush failed: nothing after the last durable position will ever be promised durable, and every
     * later wait fails with the same exception. Called once, on the flusher thread.
     *
     * @param failure what went wrong, of kind IO.
     */
    default void onFailure(final StoreException failure)
    {
    }
}
