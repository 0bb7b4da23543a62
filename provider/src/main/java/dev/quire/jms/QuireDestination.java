package dev.quire.jms;

import dev.quire.jms.jndi.QuireObjectFactory;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

import javax.naming.Reference;
import javax.naming.Referenceable;

import java.io.Serializable;
import java.util.Objects;

/**
 * A Quire destination: a queue or topic name, possibly temporary. Destinations are plain values; two with
 * the same kind and name are equal. Their text form ({@code queue://orders}, {@code topic://prices},
 * {@code temp-queue://...}) is how a reply-to header is stored.
 */
public abstract class QuireDestination implements Destination, Serializable, Referenceable
{
    private static final long serialVersionUID = 1L;

    private final String name;

    /**
     * @param name the destination's name.
     */
    protected QuireDestination(final String name)
    {
        this.name = Objects.requireNonNull(name, "destination name");
    }

    /**
     * @return the destination's name.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return true for a topic, false for a queue.
     */
    public abstract boolean isTopic();

    /**
     * @return true for a temporary destination.
     */
    public abstract boolean isTemporary();

    /**
     * @return the text form, e.g. {@code queue://orders}.
     */
    public String toUri()
    {
        return scheme() + "://" + name;
    }

    private String scheme()
    {
        return (isTemporary() ? "temp-" : "") + (isTopic() ? "topic" : "queue");
    }

    /**
     * @param uri a text form made by {@link #toUri()}, or null.
     * @return the destination, or null for null.
     * @throws InvalidDestinationException when the text is not a destination.
     */
    public static QuireDestination fromUri(final String uri) throws InvalidDestinationException
    {
        if (uri == null)
        {
            return null;
        }
        final int separator = uri.indexOf("://");
        if (separator < 0)
        {
            throw new InvalidDestinationException("'" + uri + "' is not a Quire destination (queue://name or topic://name)");
        }
        final String name = uri.substring(separator + 3);
        return switch (uri.substring(0, separator))
        {
            case "queue" -> new QuireQueue(name);
            case "topic" -> new QuireTopic(name);
            case "temp-queue" -> new QuireTemporaryQueue(name, null);
            case "temp-topic" -> new QuireTemporaryTopic(name, null);
            default -> throw new InvalidDestinationException("'" + uri + "' has an unknown destination kind");
        };
    }

    /**
     * @param destination any provider's destination.
     * @return it as a Quire destination (a foreign queue or topic by its name).
     * @throws JMSException when it is neither a queue nor a topic.
     */
    public static QuireDestination of(final Destination destination) throws JMSException
    {
        if (destination instanceof QuireDestination quire)
        {
            return quire;
        }
        if (destination instanceof Queue queue)
        {
            return new QuireQueue(queue.getQueueName());
        }
        if (destination instanceof Topic topic)
        {
            return new QuireTopic(topic.getTopicName());
        }
        throw new InvalidDestinationException("a destination must be a queue or a topic, not " + destination);
    }

    @Override
    public Reference getReference()
    {
        return QuireObjectFactory.reference(isTopic() ? QuireTopic.class : QuireQueue.class, name);
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof QuireDestination that && isTopic() == that.isTopic() &&
            isTemporary() == that.isTemporary() && name.equals(that.name);
    }

    @Override
    public int hashCode()
    {
        return name.hashCode() * 31 + (isTopic() ? 1 : 0) + (isTemporary() ? 2 : 0);
    }

    @Override
    public String toString()
    {
        return toUri();
    }
}
