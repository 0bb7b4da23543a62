package dev.quire.jms;

import jakarta.jms.JMSException;
import jakarta.jms.TemporaryQueue;

/**
 * A temporary queue: lives as long as the connection that created it.
 */
public final class QuireTemporaryQueue extends QuireQueue implements TemporaryQueue
{
    private static final long serialVersionUID = 1L;

    private final transient TemporaryDestinationOwner owner;

    /**
     * @param name  the queue's name.
     * @param owner the connection that created it, or null for a copy rebuilt from a header.
     */
    public QuireTemporaryQueue(final String name, final TemporaryDestinationOwner owner)
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
