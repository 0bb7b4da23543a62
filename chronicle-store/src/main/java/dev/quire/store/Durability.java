package dev.quire.store;

/**
 * When an appended record is considered stored.
 */
public enum Durability
{
    /**
     * A record is durable only once it has been forced to disk. Concurrent callers waiting for durability
     * share one flush (group commit), performed by the journal's flusher thread, not by the appender.
     */
    SYNC,

    /**
     * Records are forced to disk by the flusher every flush interval. A process crash loses nothing (the
     * pages live in the OS page cache); a power loss may lose the last interval.
     */
    ASYNC,

    /**
     * Records are never forced by the journal; the operating system writes them back when it chooses.
     */
    NONE
}
