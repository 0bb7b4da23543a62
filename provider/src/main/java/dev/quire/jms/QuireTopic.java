package dev.quire.jms;

import jakarta.jms.Topic;

/**
 * A topic.
 */
public class QuireTopic extends QuireDestination implements Topic
{
    private static final long serialVersionUID = 1L;

    /**
     * @param name the topic's name.
     */
    public QuireTopic(final String name)
    {
        super(name);
    }

    @Override
    public String getTopicName()
    {
        return name();
    }

    @Override
    public boolean isTopic()
    {
        return true;
    }

    @Override
    public boolean isTemporary()
    {
        return false;
    }
}
