package dev.quire.benchmarks.engine;

import dev.quire.benchmarks.BenchmarkDirectories;
import dev.quire.engine.Broker;
import dev.quire.engine.BrokerContext;
import dev.quire.store.Durability;
import dev.quire.store.JournalContext;
import dev.quire.store.record.BodyType;
import dev.quire.store.record.DestinationKind;
import dev.quire.store.record.StoredMessage;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Measures what a pending message costs the engine: fills a queue with persistent 1 KiB messages,
 * restarts the broker, and reports the restart time and the heap held per pending message after a full
 * collection. Run with {@code java <flags> -cp benchmarks/target/benchmarks.jar
 * dev.quire.benchmarks.engine.PendingMessageFootprint [messages]}.
 */
public final class PendingMessageFootprint
{
    private PendingMessageFootprint()
    {
    }

    /**
     * @param args the number of messages (default 1,000,000).
     * @throws InterruptedException when interrupted while settling the heap.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        final int messages = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        final Path directory = BenchmarkDirectories.create("quire-footprint-");
        try
        {
            fill(directory, messages);
            final long before = usedHeapAfterGc();
            final long start = System.nanoTime();
            final Broker broker = open(directory);
            final double restartSeconds = (System.nanoTime() - start) / 1e9;
            final long depth = broker.depth("footprint");
            final long after = usedHeapAfterGc();
            System.out.printf("pending messages: %,d%n", depth);
            System.out.printf("restart (open + replay): %.2f s%n", restartSeconds);
            System.out.printf("heap per pending message: %.1f bytes%n", (after - before) / (double)depth);
            broker.close();
        }
        finally
        {
            BenchmarkDirectories.delete(directory);
        }
    }

    private static Broker open(final Path directory)
    {
        return Broker.open(new BrokerContext()
            .journal(new JournalContext().directory(directory).durability(Durability.NONE))
            .compactionIntervalMillis(0));
    }

    private static void fill(final Path directory, final int messages)
    {
        final byte[] body = new byte[1024];
        final StoredMessage message = new StoredMessage(null, null, null, null, true, 4, 1_767_225_600_000L, 0, 0,
            Map.of(), BodyType.BYTES, body);
        try (Broker broker = open(directory))
        {
            CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
            for (int i = 0; i < messages; i++)
            {
                last = broker.send(DestinationKind.QUEUE, "footprint", message, 0);
            }
            last.join();
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException
    {
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++)
        {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
