package dev.quire.jms;

import dev.quire.engine.ConsumerSpec;
import dev.quire.engine.MessageFilter;
import dev.quire.engine.SubscriptionMode;
import dev.quire.jms.selector.Selector;
import dev.quire.store.record.DestinationKind;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;

/**
 * What a JMS consumer asks for, checked and turned into the engine's {@link ConsumerSpec}: the selector
 * compiled once, and a subscription's engine name derived from its JMS name and the client id
 * (unshared durable subscriptions need a client id; shared ones are scoped by it when set). Only the
 * connection that created a temporary destination may consume from it.
 *
 * @param destination the queue or topic.
 * @param spec        the engine's consumer specification.
 */
record ConsumerRequest(QuireDestination destination, ConsumerSpec spec)
{
    static ConsumerRequest plain(final QuireSession session, final jakarta.jms.Destination destination,
        final String selector, final boolean noLocal) throws JMSException
    {
        final QuireDestination target = requireConsumable(session, QuireDestination.of(destination));
        final ConsumerSpec spec = new ConsumerSpec(target.isTopic() ? DestinationKind.TOPIC : DestinationKind.QUEUE,
            target.name(), null, SubscriptionMode.NONE, blankToNull(selector), filter(selector),
            target.isTopic() && noLocal, session.connection().id(), session.connection().prefetch(),
            attemptsRecorded(session));
        return new ConsumerRequest(target, spec);
    }

    static ConsumerRequest durable(final QuireSession session, final QuireTopic topic, final String name,
        final String selector, final boolean noLocal) throws JMSException
    {
        requireName(name);
        final String clientId = session.connection().clientIdOrNull();
        if (clientId == null)
        {
            throw new jakarta.jms.IllegalStateException("an unshared durable subscription needs the connection's client id");
        }
        return subscription(session, topic, durableName(clientId, name), SubscriptionMode.DURABLE, selector, noLocal);
    }

    static ConsumerRequest shared(final QuireSession session, final QuireTopic topic, final String name,
        final String selector, final boolean durable) throws JMSException
    {
        requireName(name);
        final String clientId = session.connection().clientIdOrNull();
        final String engineName = durable ? durableName(clientId, name) : "shared:" + (clientId == null ? "" : clientId) + ":" + name;
        return subscription(session, topic, engineName, durable ? SubscriptionMode.SHARED_DURABLE : SubscriptionMode.SHARED,
            selector, false);
    }

    /**
     * @return the engine name of a durable subscription, shared or not: both kinds share one namespace per
     * client id, so creating one kind under the other's name replaces an inactive subscription or fails.
     */
    static String durableName(final String clientId, final String name)
    {
        return "durable:" + (clientId == null ? "" : clientId) + ":" + name;
    }

    private static ConsumerRequest subscription(final QuireSession session, final QuireTopic topic, final String engineName,
        final SubscriptionMode mode, final String selector, final boolean noLocal) throws JMSException
    {
        requireConsumable(session, topic);
        final ConsumerSpec spec = new ConsumerSpec(DestinationKind.TOPIC, topic.name(), engineName, mode,
            blankToNull(selector), filter(selector), noLocal, session.connection().id(), session.connection().prefetch(),
            attemptsRecorded(session));
        return new ConsumerRequest(topic, spec);
    }

    private static QuireDestination requireConsumable(final QuireSession session, final QuireDestination target)
        throws InvalidDestinationException
    {
        if (target.isTemporary() && !session.connection().ownsTemporary(target))
        {
            throw new InvalidDestinationException("only the connection that created " + target + " may consume from it");
        }
        return target;
    }

    private static boolean attemptsRecorded(final QuireSession session)
    {
        return session.work().transactionId() != 0;
    }

    private static MessageFilter filter(final String selector) throws JMSException
    {
        return blankToNull(selector) == null ? MessageFilter.ACCEPT_ALL : Selector.parse(selector);
    }

    private static String blankToNull(final String selector)
    {
        return selector == null || selector.isBlank() ? null : selector;
    }

    private static void requireName(final String name) throws JMSException
    {
        if (name == null || name.isEmpty())
        {
            throw new InvalidDestinationException("a subscription name must not be null or empty");
        }
    }
}
