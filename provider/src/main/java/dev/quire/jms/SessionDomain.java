package dev.quire.jms;

import jakarta.jms.IllegalStateException;

/**
 * The messaging domain a session was made for: a {@code QueueSession} or {@code TopicSession} of the
 * domain-specific API refuses the other domain's methods, as the JMS specification requires; a session of
 * the unified API serves both.
 */
enum SessionDomain
{
    /** A {@code Session} of the unified API. */
    BOTH,
    /** A {@code QueueSession}. */
    QUEUE,
    /** A {@code TopicSession}. */
    TOPIC;

    /**
     * @param what the refused call, such as "create a queue browser".
     * @throws IllegalStateException when this is a topic session.
     */
    void requireQueues(final String what) throws IllegalStateException
    {
        if (this == TOPIC)
        {
            throw new IllegalStateException("a TopicSession cannot " + what + "; use a Session or QueueSession");
        }
    }

    /**
     * @param what the refused call, such as "create a durable subscription".
     * @throws IllegalStateException when this is a queue session.
     */
    void requireTopics(final String what) throws IllegalStateException
    {
        if (this == QUEUE)
        {
            throw new IllegalStateException("a QueueSession cannot " + what + "; use a Session or TopicSession");
        }
    }
}
