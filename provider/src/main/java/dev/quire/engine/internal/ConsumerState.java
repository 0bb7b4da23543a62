package dev.quire.engine.internal;

import dev.quire.engine.ConsumerSpec;
import dev.quire.engine.DeliverySink;

/**
 * An open consumer: the queue it takes from, its credit and where its deliveries go.
 */
final class ConsumerState
{
    final long id;
    final SessionState session;
    final QueueState queue;
    final ConsumerSpec spec;
    final DeliverySink sink;
    final boolean ownsQueue;
    int credit;
    /** A stopped consumer (its connection is stopped) keeps its credit but is given nothing. */
    boolean stopped;
    /** Handed deliveries in the current round of engine work; its sink is told at the round's end. */
    boolean handedOver;

    ConsumerState(final long id, final SessionState session, final QueueState queue, final ConsumerSpec spec,
        final DeliverySink sink, final boolean ownsQueue)
    {
        this.id = id;
        this.session = session;
        this.queue = queue;
        this.spec = spec;
        this.sink = sink;
        this.ownsQueue = ownsQueue;
        this.credit = spec.credit();
    }

    boolean canTake()
    {
        return credit > 0 && !stopped;
    }

    boolean acceptsAll()
    {
        return spec.kind() == dev.quire.store.record.DestinationKind.TOPIC ||
            spec.filter() == dev.quire.engine.MessageFilter.ACCEPT_ALL;
    }
}
