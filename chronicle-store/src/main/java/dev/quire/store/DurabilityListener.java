package dev.quire.store;

/**
 * Told on the journal's flusher thread each time more of the journal has been forced to disk. It must
 * return quickly and must not call back into the journal's blocking methods.
 */
@FunctionalInterface
public interface DurabilityListener
{
    /**
     * @param durablePosition every record at or below this position is now on disk.
     */
    void onDurable(long durablePosition);
}
