package dev.quire.benchmarks.workload;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/**
 * W5: one message in flight. One thread sends a 1 KiB message on one session and receives it on
 * another before sending the next, so each latency is a whole round trip through the broker and the
 * rate is one over it.
 */
public final class RoundTripWorkload implements Workload
{
    private static final long RECEIVE_TIMEOUT_MILLIS = 30_000;

    private final String id;
    private final boolean persistent;

    /**
     * @param id         the workload's short name.
     * @param persistent whether the message is sent PERSISTENT (a synchronous durable send).
     */
    public RoundTripWorkload(final String id, final boolean persistent)
    {
        this.id = id;
        this.persistent = persistent;
    }

    @Override
    public String id()
    {
        return id;
    }

    @Override
    public String title()
    {
        return "one message in flight, round trip, " + (persistent ? "persistent" : "non-persistent");
    }

    @Override
    public Metric primaryMetric()
    {
        return Metric.P99;
    }

    @Override
    public RunResult run(final WorkloadContext context) throws Exception
    {
        final WorkloadSettings settings = context.settings();
        final TimedMessages messages = new TimedMessages(TimedMessages.DEFAULT_BODY_SIZE);
        try (RunningBroker broker = context.startBroker();
            Connection connection = broker.connectionFactory().createConnection())
        {
            final Session sending = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            final Session receiving = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            final Queue queue = sending.createQueue("bench." + id);
            final MessageProducer producer = sending.createProducer(queue);
            producer.setDeliveryMode(persistent ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT);
            final MessageConsumer consumer = receiving.createConsumer(queue);
            connection.start();
            roundTrips(producer, consumer, sending, messages, settings.warmupSeconds(), new LatencyRecorder());
            final LatencyRecorder latency = new LatencyRecorder();
            final long start = System.nanoTime();
            final long count = roundTrips(producer, consumer, sending, messages, settings.measureSeconds(), latency);
            final long elapsed = System.nanoTime() - start;
            return new RunResult().put(Metric.THROUGHPUT, count * 1e9 / elapsed).putLatencies(latency);
        }
    }

    private static long roundTrips(final MessageProducer producer, final MessageConsumer consumer, final Session session,
        final TimedMessages messages, final double seconds, final LatencyRecorder latency) throws JMSException
    {
        final long deadline = System.nanoTime() + (long)(seconds * 1e9);
        long count = 0;
        while (System.nanoTime() < deadline)
        {
            producer.send(messages.create(session));
            final Message message = consumer.receive(RECEIVE_TIMEOUT_MILLIS);
            if (message == null)
            {
                throw new IllegalStateException("a sent message did not arrive within " + RECEIVE_TIMEOUT_MILLIS + " ms");
            }
            latency.record(TimedMessages.ageNanos(message));
            count++;
        }
        return count;
    }
}
