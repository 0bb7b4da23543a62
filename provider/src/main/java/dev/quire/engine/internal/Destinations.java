package dev.quire.engine.internal;

import dev.quire.engine.Broker;
import dev.quire.engine.BrokerException;
import dev.quire.engine.ConsumerSpec;
import dev.quire.engine.MessageFilter;
import dev.quire.engine.SubscriptionMode;
import dev.quire.store.record.DestinationCreated;
import dev.quire.store.record.DestinationDeleted;
import dev.quire.store.record.DestinationKind;
import dev.quire.store.record.SubscriptionCreated;
import dev.quire.store.record.SubscriptionDeleted;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The queues, topics and subscriptions of the broker. Creating or deleting a durable one writes its
 * record; queues are created on first use, as embedded brokers' users expect.
 */
final class Destinations
{
    private final EngineState state;
    final Map<String, QueueState> queues = new HashMap<>();
    final Map<String, TopicState> topics = new HashMap<>();

    Destinations(final EngineState state)
    {
        this.state = state;
    }

    QueueState queue(final String name)
    {
        return queues.get(name);
    }

    TopicState topic(final String name)
    {
        return topics.get(name);
    }

    /**
     * @return the queue, created (and recorded) when it does not exist yet.
     */
    QueueState createQueue(final String name)
    {
        requireUsableAs(DestinationKind.QUEUE, name);
        final QueueState existing = queues.get(name);
        if (existing != null)
        {
            return existing;
        }
        final QueueState queue = new QueueState(name);
        queue.metadataPosition = state.journal.append(new DestinationCreated(name, DestinationKind.QUEUE));
        queue.createdOrigin = queue.metadataPosition;
        queues.put(name, queue);
        return queue;
    }

    /**
     * @return the topic, created (and recorded) when it does not exist yet.
     */
    TopicState createTopic(final String name)
    {
        final TopicState existing = topics.get(name);
        if (existing != null)
        {
            return existing;
        }
        requireUsableAs(DestinationKind.TOPIC, name);
        final TopicState topic = new TopicState(name);
        topic.metadataPosition = state.journal.append(new DestinationCreated(name, DestinationKind.TOPIC));
        topics.put(name, topic);
        return topic;
    }

    /**
     * Checks, without creating anything, that a name can be used as a destination of this kind: a name
     * is a queue, a topic or a subscription, never two of them.
     *
     * @throws BrokerException INVALID_DESTINATION when the name is taken by another kind.
     */
    void requireUsableAs(final DestinationKind kind, final String name)
    {
        final QueueState queue = queues.get(name);
        if (kind == DestinationKind.QUEUE && queue != null && queue.isSubscription())
        {
            throw new BrokerException(BrokerException.Reason.INVALID_DESTINATION,
                "'" + name + "' is a subscription of topic '" + queue.topic + "', not a queue");
        }
        if (kind == DestinationKind.QUEUE && topics.containsKey(name))
        {
            throw new BrokerException(BrokerException.Reason.INVALID_DESTINATION, "'" + name + "' is a topic, not a queue");
        }
        if (kind == DestinationKind.TOPIC && queue != null)
        {
            throw new BrokerException(BrokerException.Reason.INVALID_DESTINATION, "'" + name + "' is a queue, not a topic");
        }
        if (name.startsWith(Broker.TEMPORARY_PREFIX) && queue == null && !topics.containsKey(name))
        {
            throw new BrokerException(BrokerException.Reason.INVALID_DESTINATION, "temporary destination '" + name +
                "' does not exist: it was deleted or the connection that created it closed");
        }
    }

    /**
     * Creates a temporary queue or topic: kept in memory only, never recorded, so neither it nor the
     * messages sent to it outlive the broker.
     *
     * @param name a name starting with {@link Broker#TEMPORARY_PREFIX}, new to the broker.
     */
    void createTemporary(final DestinationKind kind, final String name)
    {
        if (!name.startsWith(Broker.TEMPORARY_PREFIX) || queues.containsKey(name) || topics.containsKey(name))
        {
            throw new BrokerException(BrokerException.Reason.INVALID_DESTINATION, "'" + name +
                "' cannot be a new temporary destination: it must start with " + Broker.TEMPORARY_PREFIX +
                " and be unused");
        }
        if (kind == DestinationKind.QUEUE)
        {
            final QueueState queue = new QueueState(name);
            queue.temporary = true;
            queues.put(name, queue);
        }
        else
        {
            final TopicState topic = new TopicState(name);
            topic.temporary = true;
            topics.put(name, topic);
        }
    }

    /**
     * Deletes a queue or topic with everything pending on it. Refused while it has consumers.
     *
     * @return true when something was deleted.
     */
    boolean delete(final String name)
    {
        final QueueState queue = queues.get(name);
        if (queue != null && !queue.isSubscription())
        {
            requireNoConsumers(queue);
            if (!queue.temporary)
            {
                state.journal.append(new DestinationDeleted(name));
            }
            drop(queue);
            return true;
        }
        final TopicState topic = topics.get(name);
        if (topic != null)
        {
            for (final QueueState subscription : topic.subscriptions)
            {
                requireNoConsumers(subscription);
            }
            if (!topic.temporary)
            {
                state.journal.append(new DestinationDeleted(name));
            }
            for (final QueueState subscription : topic.subscriptions)
            {
                drop(subscription);
            }
            topics.remove(name);
            return true;
        }
        return false;
    }

    private static void requireNoConsumers(final QueueState queue)
    {
        if (!queue.consumers.isEmpty())
        {
            throw new BrokerException(BrokerException.Reason.ILLEGAL_STATE,
                "'" + queue.name + "' has " + queue.consumers.size() + " active consumer(s)");
        }
    }

    private void drop(final QueueState queue)
    {
        queues.remove(queue.name);
        for (MessageRef ref = queue.lanes.first(); ref != null; ref = queue.lanes.first())
        {
            queue.lanes.remove(ref);
            ref.state = MessageRef.GONE;
        }
        state.timers.removeIf(ref -> ref.queue == queue);
    }

    /**
     * Finds or makes the queue a consumer takes from: the queue itself, or the topic subscription its
     * mode asks for.
     *
     * @return the queue, and whether the consumer owns it (a private non-durable subscription).
     */
    QueueState queueFor(final ConsumerSpec spec, final long consumerId)
    {
        if (spec.kind() == DestinationKind.QUEUE)
        {
            return createQueue(spec.destination());
        }
        final TopicState topic = createTopic(spec.destination());
        return switch (spec.mode())
        {
            case NONE -> addSubscription(topic, new QueueState("nondurable:" + consumerId, topic.name,
                SubscriptionMode.NONE, spec.selector(), spec.filter(), spec.noLocal()), spec);
            case SHARED -> sharedNonDurable(topic, spec);
            case DURABLE, SHARED_DURABLE -> durable(topic, spec);
        };
    }

    private QueueState sharedNonDurable(final TopicState topic, final ConsumerSpec spec)
    {
        final QueueState existing = queues.get(spec.subscription());
        if (existing != null)
        {
            if (existing.mode != SubscriptionMode.SHARED || !existing.topic.equals(topic.name) ||
                !Objects.equals(existing.selector, spec.selector()))
            {
                throw new BrokerException(BrokerException.Reason.SUBSCRIPTION_IN_USE, "shared subscription '" +
                    spec.subscription() + "' is in use on topic '" + existing.topic + "' with selector " +
                    existing.selector + "; a consumer cannot join it with other settings");
            }
            return existing;
        }
        return addSubscription(topic, new QueueState(spec.subscription(), topic.name, SubscriptionMode.SHARED,
            spec.selector(), spec.filter(), false), spec);
    }

    private QueueState durable(final TopicState topic, final ConsumerSpec spec)
    {
        if (topic.temporary)
        {
            throw new BrokerException(BrokerException.Reason.INVALID_DESTINATION,
                "a durable subscription cannot be made on temporary topic '" + topic.name + "'");
        }
        final QueueState existing = queues.get(spec.subscription());
        if (existing != null)
        {
            final boolean same = existing.mode == spec.mode() && existing.topic.equals(topic.name) &&
                Objects.equals(existing.selector, spec.selector()) && existing.noLocal == spec.noLocal();
            if (same)
            {
                if (!existing.mode.shared() && !existing.consumers.isEmpty())
                {
                    throw new BrokerException(BrokerException.Reason.SUBSCRIPTION_IN_USE,
                        "durable subscription '" + spec.subscription() + "' already has an active consumer");
                }
                existing.noLocalConnectionId = spec.connectionId();
                return existing;
            }
            if (!existing.consumers.isEmpty())
            {
                throw new BrokerException(BrokerException.Reason.SUBSCRIPTION_IN_USE, "durable subscription '" +
                    spec.subscription() + "' is in use with other settings");
            }
            unsubscribe(existing.name);
        }
        final QueueState subscription = new QueueState(spec.subscription(), topic.name, spec.mode(),
            spec.selector(), spec.filter(), spec.noLocal());
        subscription.metadataPosition = state.journal.append(new SubscriptionCreated(
            topic.name, subscription.name, spec.selector(), spec.noLocal(), spec.mode().shared()));
        subscription.createdOrigin = subscription.metadataPosition;
        return addSubscription(topic, subscription, spec);
    }

    private QueueState addSubscription(final TopicState topic, final QueueState subscription, final ConsumerSpec spec)
    {
        subscription.noLocalConnectionId = spec.connectionId();
        queues.put(subscription.name, subscription);
        topic.subscriptions.add(subscription);
        return subscription;
    }

    /**
     * Removes a subscription that no longer has consumers when it does not outlive them.
     */
    void consumerLeft(final QueueState queue)
    {
        if (queue.isSubscription() && !queue.durable() && queue.consumers.isEmpty())
        {
            removeSubscription(queue);
        }
    }

    /**
     * Deletes a durable subscription and its messages. Refused while it has consumers.
     */
    void unsubscribe(final String name)
    {
        final QueueState subscription = queues.get(name);
        if (subscription == null || !subscription.durable())
        {
            throw new BrokerException(BrokerException.Reason.INVALID_DESTINATION, "no durable subscription '" + name + "'");
        }
        if (!subscription.consumers.isEmpty())
        {
            throw new BrokerException(BrokerException.Reason.SUBSCRIPTION_IN_USE,
                "durable subscription '" + name + "' has an active consumer");
        }
        if (subscription.inFlight > 0)
        {
            throw new BrokerException(BrokerException.Reason.SUBSCRIPTION_IN_USE,
                "durable subscription '" + name + "' has unacknowledged messages in an open session");
        }
        state.journal.append(new SubscriptionDeleted(name));
        removeSubscription(subscription);
    }

    private void removeSubscription(final QueueState subscription)
    {
        final TopicState topic = topics.get(subscription.topic);
        if (topic != null)
        {
            topic.subscriptions.remove(subscription);
        }
        drop(subscription);
    }

    /**
     * Registers state rebuilt from the journal, without writing records.
     */
    void restoreQueue(final QueueState queue)
    {
        queues.put(queue.name, queue);
        if (queue.isSubscription())
        {
            topics.computeIfAbsent(queue.topic, TopicState::new).subscriptions.add(queue);
        }
    }

    /**
     * @return the filter a subscription rebuilt from the journal routes with.
     */
    MessageFilter filterFor(final String selector)
    {
        return selector == null ? MessageFilter.ACCEPT_ALL : state.context.selectorCompiler().compile(selector);
    }
}
