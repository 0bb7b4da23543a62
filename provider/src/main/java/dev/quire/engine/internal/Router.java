package dev.quire.engine.internal;

import dev.quire.store.record.DestinationKind;
import dev.quire.store.record.MessageAcknowledged;
import dev.quire.store.record.StoredMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which queues a sent message lands on: the queue itself, or every subscription of the topic
 * whose selector accepts it (and that is not a no-local subscription of the sending connection).
 */
final class Router
{
    private final EngineState state;
    private final Destinations destinations;

    Router(final EngineState state, final Destinations destinations)
    {
        this.state = state;
        this.destinations = destinations;
    }

    /**
     * Creates the message's index entries, not yet on their queues.
     *
     * @return one entry per queue the message goes to.
     */
    List<MessageRef> route(final long seq, final DestinationKind kind, final String destination,
        final StoredMessage message, final long connectionId)
    {
        final List<MessageRef> refs = new ArrayList<>(1);
        if (kind == DestinationKind.QUEUE)
        {
            refs.add(newRef(seq, message, destinations.createQueue(destination)));
            return refs;
        }
        for (final QueueState subscription : destinations.createTopic(destination).subscriptions)
        {
            if (subscription.routeFilter.matches(message))
            {
                final MessageRef ref = newRef(seq, message, subscription);
                if (subscription.noLocal && connectionId != 0 && connectionId == subscription.noLocalConnectionId)
                {
                    ref.state = MessageRef.GONE;
                }
                refs.add(ref);
            }
        }
        return refs;
    }

    private static MessageRef newRef(final long seq, final StoredMessage message, final QueueState queue)
    {
        final MessageRef ref = new MessageRef(seq, message, message.persistent());
        ref.queue = queue;
        if (!message.persistent() || !queue.journaled())
        {
            ref.message = message;
        }
        return ref;
    }

    /**
     * @return true when the message must be written: it is persistent and lands on a queue that
     *         survives a restart.
     */
    static boolean needsRecord(final StoredMessage message, final List<MessageRef> refs)
    {
        if (!message.persistent())
        {
            return false;
        }
        for (final MessageRef ref : refs)
        {
            if (ref.queue.journaled())
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Gives the entries their record's position, writes the acknowledgement of a durable no-local
     * subscription's copy (replay routes by selector only), and puts the live ones on their queues.
     */
    void place(final List<MessageRef> refs, final long position, final Deliveries deliveries)
    {
        for (final MessageRef ref : refs)
        {
            if (ref.queue.journaled() && ref.message == null)
            {
                ref.position = position;
            }
            if (ref.state == MessageRef.GONE)
            {
                if (ref.position != dev.quire.store.Journal.NO_POSITION)
                {
                    state.journal.append(new MessageAcknowledged(ref.queue.name, ref.seq));
                }
                continue;
            }
            deliveries.enqueue(ref.queue, ref);
        }
    }
}
