package dev.quire.engine.internal;

import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayList;
import java.util.List;

/**
 * An open session: its consumers and the deliveries it holds that are not acknowledged yet.
 */
final class SessionState
{
    final long id;
    final List<ConsumerState> consumers = new ArrayList<>(2);
    final Long2ObjectHashMap<MessageRef> unacknowledged = new Long2ObjectHashMap<>();

    SessionState(final long id)
    {
        this.id = id;
    }
}
