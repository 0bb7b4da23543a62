package dev.quire.benchmarks.engine;

import dev.quire.benchmarks.BenchmarkDirectories;
import dev.quire.benchmarks.BenchmarkSettings;
import dev.quire.engine.Broker;
import dev.quire.engine.BrokerContext;
import dev.quire.engine.ConsumerSpec;
import dev.quire.engine.Delivery;
import dev.quire.engine.DeliverySink;
import dev.quire.store.JournalContext;
import dev.quire.store.record.BodyType;
import dev.quire.store.record.DestinationKind;
import dev.quire.store.record.StoredMessage;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Non-persistent 1 KiB messages through the engine alone (the {@link Broker} API, no JMS), from one
 * producer to one consumer on one queue. An operation is one message delivered end to end: sent by the
 * benchmark thread, dispatched by the engine thread into the consumer's hand-off queue, taken from it
 * by the consumer thread and acknowledged. The consumer acknowledges and gives back credit in batches of
 * half its window, as a prefetching client does.
 * <p>
 * Each invocation sends {@value #BATCH} messages without waiting for their futures (a non-persistent
 * send is complete once the engine has run it) and then waits until the consumer has taken them all, so
 * the score is the sustained rate of the whole pipeline, not how fast commands can be queued. Three busy
 * threads (producer, engine, consumer) share the machine's cores; on two cores they compete.
 */
public class EngineDispatchBenchmark extends BenchmarkSettings
{
    /** The messages sent per invocation. */
    static final int BATCH = 1000;
    private static final String QUEUE = "bench";
    private static final int BODY_SIZE = 1024;

    /** The consumer's prefetch window (credit). */
    @Param({"100", "1000"})
    public int creditWindow;

    private Path directory;
    private Broker broker;
    private StoredMessage message;
    private CreditingConsumer consumer;
    private Thread consumerThread;
    private long sent;

    /**
     * Opens a broker on a fresh directory with one consumer on the queue, run by its own thread.
     */
    @Setup(Level.Trial)
    public void open()
    {
        directory = BenchmarkDirectories.create("quire-engine-");
        broker = Broker.open(new BrokerContext().journal(new JournalContext().directory(directory)));
        broker.createQueue(QUEUE);
        message = oneKibNonPersistentMessage();
        final long session = broker.openSession();
        consumer = new CreditingConsumer(broker, session, creditWindow);
        consumer.start(broker.openConsumer(session, ConsumerSpec.queue(QUEUE, creditWindow), consumer));
        consumerThread = new Thread(consumer, "bench-consumer");
        consumerThread.setDaemon(true);
        consumerThread.start();
        sent = 0;
    }

    /**
     * Stops the consumer, closes the broker and deletes its directory.
     *
     * @throws InterruptedException when interrupted while the consumer stops.
     */
    @TearDown(Level.Trial)
    public void close() throws InterruptedException
    {
        consumer.stop();
        consumerThread.join();
        broker.close();
        BenchmarkDirectories.delete(directory);
    }

    /**
     * @return how many messages the consumer has taken in all, so the work cannot be optimised away.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long sendBatchAndAwaitDelivery()
    {
        for (int i = 0; i < BATCH; i++)
        {
            broker.send(DestinationKind.QUEUE, QUEUE, message, 0);
        }
        sent += BATCH;
        return consumer.awaitTaken(sent);
    }

    private static StoredMessage oneKibNonPersistentMessage()
    {
        final byte[] body = new byte[BODY_SIZE];
        for (int i = 0; i < body.length; i++)
        {
            body[i] = (byte)i;
        }
        return new StoredMessage("ID:bench-1", null, null, null, false, 4, 1_767_225_600_000L, 0, 0, Map.of(),
            BodyType.BYTES, body);
    }

    /**
     * The consumer: the engine thread hands deliveries to it through a single-producer queue that can
     * hold its whole window; its own thread takes them, acknowledges them and gives the credit back in
     * batches of half the window, and wakes the producer once it has taken as many as it waits for.
     */
    private static final class CreditingConsumer implements DeliverySink, Runnable
    {
        private final Broker broker;
        private final long sessionId;
        private final int creditBatch;
        private final OneToOneConcurrentArrayQueue<Delivery> handOff;
        private final long[] tags;
        private final IdleStrategy idleStrategy = new BackoffIdleStrategy(100, 10, 1_000, 100_000);
        private long consumerId;
        private int untaken;
        private volatile long taken;
        private volatile long awaited = Long.MAX_VALUE;
        private volatile Thread waiter;
        private volatile boolean running = true;

        CreditingConsumer(final Broker broker, final long sessionId, final int creditWindow)
        {
            this.broker = broker;
            this.sessionId = sessionId;
            this.creditBatch = Math.max(1, creditWindow / 2);
            this.handOff = new OneToOneConcurrentArrayQueue<>(creditWindow);
            this.tags = new long[creditWindow];
        }

        void start(final long consumerId)
        {
            this.consumerId = consumerId;
        }

        @Override
        public void deliver(final Delivery delivery)
        {
            // never full: the engine hands out no more deliveries than the window
            handOff.offer(delivery);
        }

        @Override
        public void run()
        {
            while (running)
            {
                int count = 0;
                Delivery delivery;
                while ((delivery = handOff.poll()) != null)
                {
                    tags[untaken++] = delivery.deliveryTag();
                    count++;
                }
                if (count == 0)
                {
                    idleStrategy.idle();
                    continue;
                }
                idleStrategy.reset();
                if (untaken >= creditBatch)
                {
                    broker.acknowledge(sessionId, 0, Arrays.copyOf(tags, untaken));
                    broker.addCredit(consumerId, untaken);
                    untaken = 0;
                }
                final long total = taken + count;
                taken = total;
                if (total >= awaited)
                {
                    LockSupport.unpark(waiter);
                }
            }
        }

        /**
         * Blocks the calling thread until the consumer has taken {@code count} messages in all.
         *
         * @return how many it has taken.
         */
        long awaitTaken(final long count)
        {
            waiter = Thread.currentThread();
            awaited = count;
            long total;
            while ((total = taken) < count)
            {
                LockSupport.park(this);
            }
            return total;
        }

        void stop()
        {
            running = false;
        }
    }
}
