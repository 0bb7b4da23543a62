package dev.quire.benchmarks.workload;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;

/**
 * The messages every workload sends: a bytes message with a body of the workload's size and the
 * {@link System#nanoTime()} of its send in a property, so the receiver in the same JVM can tell its
 * send-to-receive latency.
 */
public final class TimedMessages
{
    /** The size of the body unless a workload says otherwise: 1 KiB. */
    public static final int DEFAULT_BODY_SIZE = 1024;

    private static final String SENT_AT = "sentNanos";

    private final byte[] body;

    /**
     * @param bodySize the body's size in bytes.
     */
    public TimedMessages(final int bodySize)
    {
        body = new byte[bodySize];
        for (int i = 0; i < body.length; i++)
        {
            body[i] = (byte)i;
        }
    }

    /**
     * @param session the session to make the message with.
     * @return a new message stamped with the current time.
     * @throws JMSException when the provider fails.
     */
    public Message create(final Session session) throws JMSException
    {
        final BytesMessage message = session.createBytesMessage();
        message.writeBytes(body);
        message.setLongProperty(SENT_AT, System.nanoTime());
        return message;
    }

    /**
     * @param message a received message made by {@link #create(Session)}.
     * @return nanoseconds since it was made.
     * @throws JMSException when the provider fails.
     */
    public static long ageNanos(final Message message) throws JMSException
    {
        return System.nanoTime() - message.getLongProperty(SENT_AT);
    }
}
