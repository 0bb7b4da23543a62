package dev.quire.engine.internal;

import dev.quire.engine.MessageFilter;
import dev.quire.engine.RedeliveryPolicy;
import dev.quire.engine.SubscriptionMode;
import dev.quire.store.Journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A queue: a point-to-point destination, or a topic subscription (a queue of its own inside the engine).
 */
final class QueueState
{
    final String name;
    final PriorityLanes lanes = new PriorityLanes();
    final List<ConsumerState> consumers = new ArrayList<>(2);
    final String topic;
    final SubscriptionMode mode;
    final String selector;
    final MessageFilter routeFilter;
    final boolean noLocal;
    long noLocalConnectionId;
    long metadataPosition = Journal.NO_POSITION;
    long createdOrigin = Journal.NO_POSITION;
    int inFlight;
    int scheduled;
    int locked;
    RedeliveryPolicy policy;
    boolean dispatchPending;
    /** A temporary queue (or a subscription of a temporary topic): never journaled, gone with the broker. */
    boolean temporary;
    /** In-memory sends held by {@link FlowControl} until the consumers catch up; null until one is. */
    ArrayDeque<CompletableFuture<Void>> heldSends;
    /** When a consumer last took a message from this queue (engine clock); 0 until one does. */
    long lastTakenAt;
    private int nextConsumer;

    /**
     * A point-to-point queue.
     */
    QueueState(final String name)
    {
        this(name, null, SubscriptionMode.NONE, null, MessageFilter.ACCEPT_ALL, false);
    }

    /**
     * A subscription queue on {@code topic}.
     */
    QueueState(final String name, final String topic, final SubscriptionMode mode, final String selector,
        final MessageFilter routeFilter, final boolean noLocal)
    {
        this.name = name;
        this.topic = topic;
        this.mode = mode;
        this.selector = selector;
        this.routeFilter = routeFilter;
        this.noLocal = noLocal;
    }

    boolean isSubscription()
    {
        return topic != null;
    }

    boolean durable()
    {
        return mode.durable();
    }

    /**
     * @return true when the queue survives a restart, so records about its messages are written.
     */
    boolean journaled()
    {
        return !temporary && (!isSubscription() || durable());
    }

    /**
     * @return the name redelivery policies and dead-letter queues are chosen by: the topic for a
     *         subscription, the queue's own name otherwise.
     */
    String policyName()
    {
        return isSubscription() ? topic : name;
    }

    long depth()
    {
        return lanes.size() + scheduled + inFlight + locked;
    }

    /**
     * @return the next consumer in round-robin order that has credit and is not stopped, or null.
     */
    ConsumerState nextConsumerWithCredit()
    {
        final int count = consumers.size();
        for (int i = 0; i < count; i++)
        {
            final ConsumerState consumer = consumers.get((nextConsumer + i) % count);
            if (consumer.canTake())
            {
                nextConsumer = (nextConsumer + i + 1) % count;
                return consumer;
            }
        }
        return null;
    }
}
