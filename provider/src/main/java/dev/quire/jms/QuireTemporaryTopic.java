package dev.quire.jms;

import jakarta.jms.JMSException;
import jakarta.jms.TemporaryTopic;

/**
 * A temporary topic: lives as long as the connection that created it.
 */
public final class QuireTemporaryTopic extends QuireTopic implements TemporaryTopic
{
    private static final long serialVersionUID = 1L;

    private final transient TemporaryDestinationOwner owner;

    /**
     * @param name  the topic's name.
     * @param owner the connection that created it, or null for a copy rebuilt from a header.
     */
    public QuireTemporaryTopic(final String name, final TemporaryDestinationOwner owner)
    {
        super(name);
        this.owner = owner;
    }

    @Override
    public boolean isTemporary()
    {
        return true;
    }

    @Override
    public void delete() throws JMSException
    {
        TemporaryDestinationOwner.delete(owner, this);
    }
}
