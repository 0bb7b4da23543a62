package dev.quire.benchmarks.workload;

import jakarta.jms.ConnectionFactory;

import java.util.function.ToIntFunction;

/**
 * W4 at a given depth: fills a queue with persistent messages in transactions, then drains it with
 * nobody sending, to show whether the drain rate holds up as the queue gets deeper. A fill and drain of
 * the shallow depth first warms the code up (what it leaves undrained counts towards the depth). A drain
 * stops at the settings' drain limit and reports the rate of what it took.
 */
public final class DepthDrainWorkload implements Workload
{
    private final String id;
    private final String depthName;
    private final ToIntFunction<WorkloadSettings> depth;

    /**
     * @param id        the workload's short name.
     * @param depthName which depth, in words.
     * @param depth     reads the depth from the settings.
     */
    public DepthDrainWorkload(final String id, final String depthName, final ToIntFunction<WorkloadSettings> depth)
    {
        this.id = id;
        this.depthName = depthName;
        this.depth = depth;
    }

    @Override
    public String id()
    {
        return id;
    }

    @Override
    public String title()
    {
        return "persistent drain-only of a " + depthName + " queue";
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
        final String queue = "bench." + id;
        final int count = depth.applyAsInt(settings);
        try (RunningBroker broker = context.startBroker())
        {
            final ConnectionFactory factory = broker.connectionFactory();
            QueueFill.fill(factory, queue, settings.shallowDepth(), settings.fillBatch());
            final QueueDrain.Outcome warmup = QueueDrain.drain(factory, queue, settings.shallowDepth(),
                settings.drainSeconds());
            final int left = (int)(settings.shallowDepth() - warmup.drained());
            final long fillNanos = QueueFill.fill(factory, queue, count - left, settings.fillBatch());
            final QueueDrain.Outcome drain = QueueDrain.drain(factory, queue, count, settings.drainSeconds());
            return new RunResult()
                .put(Metric.DRAIN_RATE, drain.rate())
                .put(Metric.DRAINED, drain.drained())
                .put(Metric.FILL_RATE, (count - left) * 1e9 / fillNanos);
        }
    }
}
