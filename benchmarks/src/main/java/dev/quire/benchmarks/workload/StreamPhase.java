package dev.quire.benchmarks.workload;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One phase of a streaming workload on one connection: the producers send until the phase's time is up,
 * the consumers receive until they have every message the producers got acknowledged. Sessions are made
 * before the clock starts; each thread uses only its own session.
 */
final class StreamPhase
{
    private static final long RECEIVE_SLICE_MILLIS = 100;
    private static final long STRAGGLER_NANOS = TimeUnit.SECONDS.toNanos(120);

    private final ConnectionFactory factory;
    private final String queueName;
    private final StreamShape shape;
    private final TimedMessages messages;

    StreamPhase(final ConnectionFactory factory, final String queueName, final StreamShape shape)
    {
        this.factory = factory;
        this.queueName = queueName;
        this.shape = shape;
        this.messages = new TimedMessages(shape.bodySize());
    }

    /**
     * The messages received, the time from the start until the last one arrived, and their latencies.
     */
    record Outcome(long received, long elapsedNanos, LatencyRecorder latency)
    {
    }

    Outcome run(final double seconds) throws JMSException, InterruptedException
    {
        try (Connection connection = factory.createConnection())
        {
            final Failures failures = new Failures();
            final AtomicLong sent = new AtomicLong();
            final AtomicLong received = new AtomicLong();
            final CountDownLatch producersDone = new CountDownLatch(shape.producers());
            final List<Receiver> receivers = new ArrayList<>();
            for (int i = 0; i < shape.consumers(); i++)
            {
                receivers.add(new Receiver(connection, received, sent, producersDone, failures));
            }
            final List<Sender> senders = new ArrayList<>();
            for (int i = 0; i < shape.producers(); i++)
            {
                senders.add(new Sender(connection, sent, failures));
            }
            connection.start();
            final long start = System.nanoTime();
            final long deadline = start + (long)(seconds * 1e9);
            final List<Thread> threads = new ArrayList<>();
            for (final Receiver receiver : receivers)
            {
                threads.add(failures.start("consumer", receiver::run));
            }
            for (final Sender sender : senders)
            {
                threads.add(failures.start("producer", () ->
                {
                    try
                    {
                        sender.run(deadline);
                    }
                    finally
                    {
                        producersDone.countDown();
                    }
                }));
            }
            for (final Thread thread : threads)
            {
                thread.join();
            }
            failures.rethrow();
            final LatencyRecorder latency = new LatencyRecorder();
            long last = start;
            for (final Receiver receiver : receivers)
            {
                latency.add(receiver.latency);
                last = Math.max(last, receiver.lastReceivedNanos);
            }
            return new Outcome(received.get(), Math.max(1, last - start), latency);
        }
    }

    /**
     * A producer thread's work.
     */
    private final class Sender
    {
        private final Session session;
        private final MessageProducer producer;
        private final AtomicLong sent;
        private final Failures failures;

        Sender(final Connection connection, final AtomicLong sent, final Failures failures) throws JMSException
        {
            this.session = connection.createSession(shape.transactedBatch() > 0, Session.AUTO_ACKNOWLEDGE);
            this.producer = session.createProducer(session.createQueue(queueName));
            this.producer.setDeliveryMode(shape.persistent() ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT);
            this.sent = sent;
            this.failures = failures;
        }

        void run(final long deadline) throws JMSException, InterruptedException
        {
            if (shape.asyncWindow() > 0)
            {
                sendAsynchronously(deadline);
                return;
            }
            final int batch = shape.transactedBatch();
            int inBatch = 0;
            while (System.nanoTime() < deadline && !failures.any())
            {
                producer.send(messages.create(session));
                if (batch == 0)
                {
                    sent.incrementAndGet();
                }
                else if (++inBatch == batch)
                {
                    session.commit();
                    sent.addAndGet(inBatch);
                    inBatch = 0;
                }
            }
            if (inBatch > 0)
            {
                session.commit();
                sent.addAndGet(inBatch);
            }
        }

        private void sendAsynchronously(final long deadline) throws JMSException, InterruptedException
        {
            final int window = shape.asyncWindow();
            final Semaphore inFlight = new Semaphore(window);
            final CompletionListener listener = new CompletionListener()
            {
                @Override
                public void onCompletion(final Message message)
                {
                    sent.incrementAndGet();
                    inFlight.release();
                }

                @Override
                public void onException(final Message message, final Exception exception)
                {
                    failures.add(exception);
                    inFlight.release();
                }
            };
            while (System.nanoTime() < deadline && !failures.any())
            {
                inFlight.acquire();
                producer.send(messages.create(session), listener);
            }
            if (!inFlight.tryAcquire(window, STRAGGLER_NANOS, TimeUnit.NANOSECONDS))
            {
                throw new IllegalStateException((window - inFlight.availablePermits()) +
                    " asynchronous sends were not completed within " + TimeUnit.NANOSECONDS.toSeconds(STRAGGLER_NANOS) + " s");
            }
        }
    }

    /**
     * A consumer thread's work and what it saw.
     */
    private final class Receiver
    {
        private final Session session;
        private final MessageConsumer consumer;
        private final AtomicLong received;
        private final AtomicLong sent;
        private final CountDownLatch producersDone;
        private final Failures failures;
        private final LatencyRecorder latency = new LatencyRecorder();
        private long lastReceivedNanos;

        Receiver(final Connection connection, final AtomicLong received, final AtomicLong sent,
            final CountDownLatch producersDone, final Failures failures) throws JMSException
        {
            this.session = connection.createSession(shape.transactedBatch() > 0, Session.AUTO_ACKNOWLEDGE);
            this.consumer = session.createConsumer(session.createQueue(queueName));
            this.received = received;
            this.sent = sent;
            this.producersDone = producersDone;
            this.failures = failures;
        }

        void run() throws JMSException
        {
            final int batch = shape.transactedBatch();
            int uncommitted = 0;
            long giveUpAt = Long.MAX_VALUE;
            while (!failures.any())
            {
                final Message message = consumer.receive(RECEIVE_SLICE_MILLIS);
                if (message != null)
                {
                    latency.record(TimedMessages.ageNanos(message));
                    lastReceivedNanos = System.nanoTime();
                    received.incrementAndGet();
                    if (batch > 0 && ++uncommitted == batch)
                    {
                        session.commit();
                        uncommitted = 0;
                    }
                }
                if (producersDone.getCount() == 0)
                {
                    if (received.get() >= sent.get())
                    {
                        break;
                    }
                    giveUpAt = Math.min(giveUpAt, System.nanoTime() + STRAGGLER_NANOS);
                    if (System.nanoTime() > giveUpAt)
                    {
                        throw new IllegalStateException("the consumers received " + received.get() + " of the " +
                            sent.get() + " messages sent to " + queueName);
                    }
                }
            }
            if (uncommitted > 0)
            {
                session.commit();
            }
        }
    }
}
