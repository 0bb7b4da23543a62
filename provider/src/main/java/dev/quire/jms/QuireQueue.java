package dev.quire.jms;

import jakarta.jms.Queue;

/**
 * A queue.
 */
public class QuireQueue extends QuireDestination implements Queue
{
    private static final long serialVersionUID = 1L;

    /**
     * @param name the queue's name.
     */
    public QuireQueue(final String name)
    {
        super(name);
    }

    @Override
    public String getQueueName()
    {
        return name();
    }

    @Override
    public boolean isTopic()
    {
        return false;
    }

    @Override
    public boolean isTemporary()
    {
        return false;
    }
}
