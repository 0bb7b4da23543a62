package dev.quire.benchmarks.workload;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

/**
 * Drains a queue with one AUTO_ACKNOWLEDGE consumer, nothing sending meanwhile.
 */
final class QueueDrain
{
    private static final long RECEIVE_TIMEOUT_MILLIS = 30_000;

    private QueueDrain()
    {
    }

    /**
     * How many messages a drain took and how long it took.
     *
     * @param drained the messages received.
     * @param nanos   from starting the connection until the last one arrived.
     */
    record Outcome(long drained, long nanos)
    {
        /**
         * @return messages per second.
         */
        double rate()
        {
            return drained * 1e9 / Math.max(1, nanos);
        }
    }

    /**
     * @param factory    the broker's connection factory.
     * @param queueName  the queue.
     * @param count      how many messages to receive.
     * @param maxSeconds the longest the drain may take; it stops early then ({@code Double.POSITIVE_INFINITY}
     *                   for no limit).
     * @return what was drained.
     * @throws JMSException when the provider fails.
     * @throws IllegalStateException when the queue runs dry before {@code count}.
     */
    static Outcome drain(final ConnectionFactory factory, final String queueName, final long count,
        final double maxSeconds) throws JMSException
    {
        try (Connection connection = factory.createConnection())
        {
            final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            final MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
            final long start = System.nanoTime();
            final long deadline = start + (long)Math.min(maxSeconds * 1e9, Long.MAX_VALUE / 4.0);
            connection.start();
            long drained = 0;
            while (drained < count && System.nanoTime() < deadline)
            {
                if (consumer.receive(RECEIVE_TIMEOUT_MILLIS) == null)
                {
                    throw new IllegalStateException("only " + drained + " of " + count + " messages could be drained from " +
                        queueName + " (none arrived within " + RECEIVE_TIMEOUT_MILLIS + " ms)");
                }
                drained++;
            }
            return new Outcome(drained, System.nanoTime() - start);
        }
    }
}
