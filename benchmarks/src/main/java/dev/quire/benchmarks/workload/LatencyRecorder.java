package dev.quire.benchmarks.workload;

import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/**
 * Send-to-receive latencies of one thread, in nanoseconds, kept in an HdrHistogram with three
 * significant digits; threads merge theirs when they are done.
 */
public final class LatencyRecorder
{
    private static final long HIGHEST = TimeUnit.MINUTES.toNanos(10);

    private final Histogram histogram = new Histogram(HIGHEST, 3);

    /**
     * @param nanos one latency; values above ten minutes are kept as ten minutes.
     */
    public void record(final long nanos)
    {
        histogram.recordValue(Math.max(0, Math.min(nanos, HIGHEST)));
    }

    /**
     * @param other latencies of another thread, added to these.
     */
    public void add(final LatencyRecorder other)
    {
        histogram.add(other.histogram);
    }

    /**
     * @param percentile 0 to 100.
     * @return the latency at that percentile in microseconds.
     */
    public double percentileMicros(final double percentile)
    {
        return histogram.getValueAtPercentile(percentile) / 1_000.0;
    }
}
