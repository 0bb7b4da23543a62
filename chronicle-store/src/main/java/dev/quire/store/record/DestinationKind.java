package dev.quire.store.record;

/**
 * The kind of a destination.
 */
public enum DestinationKind
{
    /** Point to point: each message goes to one consumer. */
    QUEUE,
    /** Publish and subscribe: each subscription gets each message. */
    TOPIC
}
