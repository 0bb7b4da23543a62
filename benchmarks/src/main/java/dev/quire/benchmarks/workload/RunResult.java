package dev.quire.benchmarks.workload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run of one workload against one provider measured: a value per metric, in the order added.
 */
public final class RunResult
{
    private final Map<Metric, Double> values = new LinkedHashMap<>();

    /**
     * @param metric what was measured.
     * @param value  its value.
     * @return this.
     */
    public RunResult put(final Metric metric, final double value)
    {
        values.put(metric, value);
        return this;
    }

    /**
     * @param latency the latencies whose percentiles to add.
     * @return this.
     */
    public RunResult putLatencies(final LatencyRecorder latency)
    {
        return put(Metric.P50, latency.percentileMicros(50))
            .put(Metric.P99, latency.percentileMicros(99))
            .put(Metric.P999, latency.percentileMicros(99.9));
    }

    /**
     * @param metric a metric.
     * @return its value, or NaN when this run did not measure it.
     */
    public double get(final Metric metric)
    {
        return values.getOrDefault(metric, Double.NaN);
    }

    /**
     * @return the values by metric, in the order measured.
     */
    public Map<Metric, Double> values()
    {
        return Collections.unmodifiableMap(values);
    }
}
