package dev.quire.benchmarks.workload;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * The child JVM of W9: starts a provider's broker on a data directory, waits for the first message of a
 * queue (unless the queue is meant to be empty) and reports the time from starting the broker until
 * then, and the heap in use after a full collection with the broker still running. Prints one line
 * {@code restart-nanos=N heap-bytes=N}.
 */
public final class RestartProbe
{
    /** The line's start. */
    static final String RESULT_PREFIX = "restart-nanos=";

    private static final long FIRST_MESSAGE_TIMEOUT_MILLIS = 600_000;
    private static final long EMPTY_QUEUE_WAIT_MILLIS = 200;

    private RestartProbe()
    {
    }

    /**
     * @param args provider name, data directory, queue name, {@code full} or {@code empty}.
     * @throws Exception when the broker fails.
     */
    public static void main(final String[] args) throws Exception
    {
        WorkloadRunner.quietLogging();
        final ProviderUnderTest provider = Providers.named(args[0]);
        final Path directory = Path.of(args[1]);
        final boolean full = "full".equals(args[3]);
        final long start = System.nanoTime();
        try (RunningBroker broker = provider.start(directory))
        {
            final long restartNanos;
            final long heapBytes;
            try (Connection connection = broker.connectionFactory().createConnection())
            {
                final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                final MessageConsumer consumer = session.createConsumer(session.createQueue(args[2]));
                connection.start();
                final Message first = consumer.receive(full ? FIRST_MESSAGE_TIMEOUT_MILLIS : EMPTY_QUEUE_WAIT_MILLIS);
                restartNanos = System.nanoTime() - start;
                if (full && first == null)
                {
                    throw new IllegalStateException("no message arrived from " + args[2] + " after the restart");
                }
                consumer.close();
                heapBytes = usedHeapAfterGc();
            }
            System.out.println(RESULT_PREFIX + restartNanos + " heap-bytes=" + heapBytes);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException
    {
        for (int i = 0; i < 3; i++)
        {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
