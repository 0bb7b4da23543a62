package dev.quire.benchmarks.workload;

import java.util.List;

/**
 * A named quantity a workload reports, and which way is better.
 *
 * @param name           how the results name it, with its unit.
 * @param higherIsBetter whether a larger value is the better one (a rate) or not (a latency, a time).
 */
public record Metric(String name, boolean higherIsBetter)
{
    /** Messages per second end to end (or operations per second for a probe). */
    public static final Metric THROUGHPUT = new Metric("msgs/s", true);
    /** Median send-to-receive latency. */
    public static final Metric P50 = new Metric("p50 µs", false);
    /** 99th percentile send-to-receive latency. */
    public static final Metric P99 = new Metric("p99 µs", false);
    /** 99.9th percentile send-to-receive latency. */
    public static final Metric P999 = new Metric("p99.9 µs", false);
    /** Rate of a send-only phase. */
    public static final Metric SEND_RATE = new Metric("send msgs/s", true);
    /** Rate of a drain-only phase. */
    public static final Metric DRAIN_RATE = new Metric("drain msgs/s", true);
    /** Messages a time-limited drain took from the queue. */
    public static final Metric DRAINED = new Metric("drained msgs", true);
    /** Rate of a transacted fill. */
    public static final Metric FILL_RATE = new Metric("fill msgs/s", true);
    /** Time from creating the broker until the first receive returned. */
    public static final Metric RESTART_SECONDS = new Metric("restart s", false);
    /** Heap held per pending message after a full collection. */
    public static final Metric HEAP_PER_MESSAGE = new Metric("heap B/msg", false);
    /** CPU used by other processes during the run, as a share of all cores. */
    public static final Metric OTHERS_CPU = new Metric("others' CPU %", false);

    /** Every metric, to look one up by name. */
    public static final List<Metric> ALL = List.of(THROUGHPUT, P50, P99, P999, SEND_RATE, DRAIN_RATE, DRAINED,
        FILL_RATE, RESTART_SECONDS, HEAP_PER_MESSAGE, OTHERS_CPU);

    /**
     * @param name a metric's name.
     * @return the metric.
     * @throws IllegalArgumentException for an unknown name.
     */
    public static Metric named(final String name)
    {
        return ALL.stream().filter(metric -> metric.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown metric '" + name + "'"));
    }
}
