package dev.quire.benchmarks.workload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * W9: fills a queue with the settings' restart depth of persistent 1 KiB messages, stops the broker,
 * and starts it again in a fresh child JVM: reports the time from starting the broker until the first
 * receive returns, and the heap per pending message — the heap in use after a full collection with the
 * messages pending, less that of a broker started the same way on an empty directory, over the count.
 */
public final class RestartWorkload implements Workload
{
    private static final String QUEUE = "bench.W9";
    private static final long CHILD_TIMEOUT_SECONDS = 900;
    private static final Pattern RESULT = Pattern.compile(RestartProbe.RESULT_PREFIX + "(\\d+) heap-bytes=(\\d+)");

    @Override
    public String id()
    {
        return "W9";
    }

    @Override
    public String title()
    {
        return "restart with pending persistent messages";
    }

    @Override
    public Metric primaryMetric()
    {
        return Metric.RESTART_SECONDS;
    }

    @Override
    public RunResult run(final WorkloadContext context) throws Exception
    {
        final WorkloadSettings settings = context.settings();
        final Path full = Files.createDirectories(context.directory().resolve("full"));
        final Path empty = Files.createDirectories(context.directory().resolve("empty"));
        final int count = settings.restartDepth();
        final long fillNanos;
        try (RunningBroker broker = context.provider().start(full))
        {
            fillNanos = QueueFill.fill(broker.connectionFactory(), QUEUE, count, settings.fillBatch());
        }
        final long[] emptyBroker = probe(context.provider(), empty, "empty");
        final long[] fullBroker = probe(context.provider(), full, "full");
        return new RunResult()
            .put(Metric.RESTART_SECONDS, fullBroker[0] / 1e9)
            .put(Metric.HEAP_PER_MESSAGE, (fullBroker[1] - emptyBroker[1]) / (double)count)
            .put(Metric.FILL_RATE, count * 1e9 / fillNanos);
    }

    private static long[] probe(final ProviderUnderTest provider, final Path directory, final String mode)
        throws Exception
    {
        final String output = ChildJvm.run(RestartProbe.class, List.of(provider.name(), directory.toString(), QUEUE, mode),
            CHILD_TIMEOUT_SECONDS);
        final Matcher matcher = RESULT.matcher(output);
        if (!matcher.find())
        {
            throw new IllegalStateException("the restart probe printed no result:\n" + output);
        }
        return new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))};
    }
}
