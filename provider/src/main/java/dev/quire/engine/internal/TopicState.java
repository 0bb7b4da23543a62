package dev.quire.engine.internal;

import dev.quire.store.Journal;

import java.util.ArrayList;
import java.util.List;

/**
 * A topic and its subscriptions.
 */
final class TopicState
{
    final String name;
    final List<QueueState> subscriptions = new ArrayList<>(2);
    long metadataPosition = Journal.NO_POSITION;
    /** A temporary topic: never journaled, gone with the broker. */
    boolean temporary;

    TopicState(final String name)
    {
        this.name = name;
    }
}
