package dev.quire.benchmarks.workload;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/**
 * W4: persistent synchronous sends with nobody consuming, for the measured time, then a drain of
 * everything sent with nobody sending. Reports both rates.
 */
public final class SendThenDrainWorkload implements Workload
{
    private static final String QUEUE = "bench.W4";

    @Override
    public String id()
    {
        return "W4";
    }

    @Override
    public String title()
    {
        return "persistent send-only, then drain-only";
    }

    @Override
    public Metric primaryMetric()
    {
        return Metric.DRAIN_RATE;
    }

    @Override
    public RunResult run(final WorkloadContext context) throws Exception
    {
        final WorkloadSettings settings = context.settings();
        try (RunningBroker broker = context.startBroker())
        {
            final ConnectionFactory factory = broker.connectionFactory();
            if (settings.warmupSeconds() > 0)
            {
                QueueDrain.drain(factory, QUEUE, send(factory, settings.warmupSeconds()), Double.POSITIVE_INFINITY);
            }
            final long start = System.nanoTime();
            final long sent = send(factory, settings.measureSeconds());
            final long sendNanos = System.nanoTime() - start;
            final QueueDrain.Outcome drain = QueueDrain.drain(factory, QUEUE, sent, Double.POSITIVE_INFINITY);
            return new RunResult()
                .put(Metric.SEND_RATE, sent * 1e9 / sendNanos)
                .put(Metric.DRAIN_RATE, drain.rate());
        }
    }

    private static long send(final ConnectionFactory factory, final double seconds) throws JMSException
    {
        final TimedMessages messages = new TimedMessages(TimedMessages.DEFAULT_BODY_SIZE);
        try (Connection connection = factory.createConnection())
        {
            final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            final MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            final long deadline = System.nanoTime() + (long)(seconds * 1e9);
            long sent = 0;
            while (System.nanoTime() < deadline)
            {
                producer.send(messages.create(session));
                sent++;
            }
            return sent;
        }
    }
}
