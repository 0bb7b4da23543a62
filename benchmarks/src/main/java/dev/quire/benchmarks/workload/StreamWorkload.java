package dev.quire.benchmarks.workload;

/**
 * A streaming workload (W1, W2, W3, W6, W7, W8): on a fresh broker, an unmeasured warm-up phase and then
 * a measured phase of producers and consumers running at once on one queue. Reports end-to-end
 * throughput and send-to-receive latency.
 */
public final class StreamWorkload extends NamedWorkload
{
    private final StreamShape shape;

    /**
     * @param id    the workload's short name.
     * @param title what it does.
     * @param shape how many producers and consumers, which delivery mode, sessions and sends.
     */
    public StreamWorkload(final String id, final String title, final StreamShape shape)
    {
        super(id, title);
        this.shape = shape;
    }

    @Override
    public RunResult run(final WorkloadContext context) throws Exception
    {
        final WorkloadSettings settings = context.settings();
        try (RunningBroker broker = context.startBroker())
        {
            final StreamPhase phase = new StreamPhase(broker.connectionFactory(), "bench." + id(), shape);
            if (settings.warmupSeconds() > 0)
            {
                phase.run(settings.warmupSeconds());
            }
            final StreamPhase.Outcome outcome = phase.run(settings.measureSeconds());
            return new RunResult()
                .put(Metric.THROUGHPUT, outcome.received() * 1e9 / outcome.elapsedNanos())
                .putLatencies(outcome.latency());
        }
    }
}
