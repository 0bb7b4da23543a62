package dev.quire.engine;

import dev.quire.store.record.DestinationKind;

import java.util.Objects;

/**
 * What a consumer consumes and how.
 *
 * @param kind                   queue or topic.
 * @param destination            the queue or topic name.
 * @param subscription           for a topic in a shared or durable mode, the subscription's queue name
 *                               inside the engine (the JMS layer derives it from client id and name);
 *                               otherwise null.
 * @param mode                   how a topic consumer subscribes; {@link SubscriptionMode#NONE} for a queue.
 * @param selector               the selector text, or null; part of a durable subscription's identity.
 * @param filter                 the compiled selector.
 * @param noLocal                for a topic: skip messages sent on {@code connectionId}.
 * @param connectionId           the consumer's connection.
 * @param credit                 how many deliveries may be outstanding before the consumer asks for more;
 *                               0 means it pulls them one at a time with {@link Broker#addCredit}.
 * @param recordDeliveryAttempts record each delivery in the journal before handing it out, so that a
 *                               crash of the consuming process still counts the attempt. Without it, only
 *                               deliveries after an unclean restart are recorded: a message that keeps
 *                               killing its consumer still reaches its dead-letter queue, one attempt later.
 */
public record ConsumerSpec(
    DestinationKind kind,
    String destination,
    String subscription,
    SubscriptionMode mode,
    String selector,
    MessageFilter filter,
    boolean noLocal,
    long connectionId,
    int credit,
    boolean recordDeliveryAttempts)
{
    /**
     * Checks the values.
     */
    public ConsumerSpec
    {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(filter, "filter");
        if (credit < 0)
        {
            throw new IllegalArgumentException("credit must not be negative but was " + credit);
        }
        if (kind == DestinationKind.QUEUE && mode != SubscriptionMode.NONE)
        {
            throw new IllegalArgumentException("a queue consumer has no subscription mode");
        }
        if (mode != SubscriptionMode.NONE && (subscription == null || subscription.isEmpty()))
        {
            throw new IllegalArgumentException("a " + mode + " subscription needs a name");
        }
    }

    /**
     * @param queue  the queue.
     * @param credit the prefetch window.
     * @return a plain queue consumer.
     */
    public static ConsumerSpec queue(final String queue, final int credit)
    {
        return new ConsumerSpec(DestinationKind.QUEUE, queue, null, SubscriptionMode.NONE, null,
            MessageFilter.ACCEPT_ALL, false, 0, credit, false);
    }

    /**
     * @param topic  the topic.
     * @param credit the prefetch window.
     * @return a plain non-durable topic consumer.
     */
    public static ConsumerSpec topic(final String topic, final int credit)
    {
        return new ConsumerSpec(DestinationKind.TOPIC, topic, null, SubscriptionMode.NONE, null,
            MessageFilter.ACCEPT_ALL, false, 0, credit, false);
    }

    /**
     * @param topic        the topic.
     * @param subscription the subscription's engine name.
     * @param credit       the prefetch window.
     * @return a durable subscriber.
     */
    public static ConsumerSpec durable(final String topic, final String subscription, final int credit)
    {
        return new ConsumerSpec(DestinationKind.TOPIC, topic, subscription, SubscriptionMode.DURABLE, null,
            MessageFilter.ACCEPT_ALL, false, 0, credit, false);
    }

    /**
     * @param selector the selector text.
     * @param filter   its compiled filter.
     * @return a copy with a selector.
     */
    public ConsumerSpec withSelector(final String selector, final MessageFilter filter)
    {
        return new ConsumerSpec(kind, destination, subscription, mode, selector, filter, noLocal, connectionId,
            credit, recordDeliveryAttempts);
    }

    /**
     * @param record true to record each delivery attempt before it is handed out.
     * @return a copy with that setting.
     */
    public ConsumerSpec withRecordedAttempts(final boolean record)
    {
        return new ConsumerSpec(kind, destination, subscription, mode, selector, filter, noLocal, connectionId,
            credit, record);
    }

    /**
     * @param noLocal      skip messages sent on the connection.
     * @param connectionId the consumer's connection.
     * @return a copy with those settings.
     */
    public ConsumerSpec withConnection(final boolean noLocal, final long connectionId)
    {
        return new ConsumerSpec(kind, destination, subscription, mode, selector, filter, noLocal, connectionId,
            credit, recordDeliveryAttempts);
    }
}
