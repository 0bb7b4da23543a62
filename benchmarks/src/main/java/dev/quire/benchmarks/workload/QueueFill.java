package dev.quire.benchmarks.workload;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/**
 * Fills a queue quickly and durably: persistent 1 KiB messages sent in transactions of the settings'
 * fill batch, so each commit pays one flush for the whole batch. The messages end up on disk exactly as
 * synchronous persistent sends would leave them.
 */
final class QueueFill
{
    private QueueFill()
    {
    }

    /**
     * @param factory   the broker's connection factory.
     * @param queueName the queue.
     * @param count     how many messages to send.
     * @param batch     messages per transaction.
     * @return the nanoseconds the fill took.
     * @throws JMSException when the provider fails.
     */
    static long fill(final ConnectionFactory factory, final String queueName, final int count, final int batch)
        throws JMSException
    {
        final TimedMessages messages = new TimedMessages(TimedMessages.DEFAULT_BODY_SIZE);
        try (Connection connection = factory.createConnection())
        {
            final Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            final MessageProducer producer = session.createProducer(session.createQueue(queueName));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            final long start = System.nanoTime();
            for (int i = 1; i <= count; i++)
            {
                producer.send(messages.create(session));
                if (i % batch == 0 || i == count)
                {
                    session.commit();
                }
            }
            return System.nanoTime() - start;
        }
    }
}
