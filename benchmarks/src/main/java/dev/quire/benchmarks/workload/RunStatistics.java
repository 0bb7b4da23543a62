package dev.quire.benchmarks.workload;

import java.util.Arrays;
import java.util.List;

/**
 * Median, minimum, maximum and spread of one metric over several runs. The spread is the range as a
 * percentage of the median: the first thing to read before trusting a ratio.
 *
 * @param runs   how many runs measured the metric.
 * @param median the median (the mean of the middle two for an even count).
 * @param min    the smallest value.
 * @param max    the largest value.
 */
public record RunStatistics(int runs, double median, double min, double max)
{
    /** The statistics of no runs. */
    public static final RunStatistics NONE = new RunStatistics(0, Double.NaN, Double.NaN, Double.NaN);

    /**
     * @param values one value per run; NaNs (not measured) are left out.
     * @return their statistics.
     */
    public static RunStatistics of(final List<Double> values)
    {
        final double[] sorted = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0)
        {
            return NONE;
        }
        final int middle = sorted.length / 2;
        final double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new RunStatistics(sorted.length, median, sorted[0], Arrays.stream(sorted).max().orElseThrow());
    }

    /**
     * @return (max - min) / median in percent; NaN without runs.
     */
    public double spreadPercent()
    {
        return median == 0 ? Double.NaN : 100 * (max - min) / Math.abs(median);
    }

    /**
     * @return whether any run measured the metric.
     */
    public boolean measured()
    {
        return runs > 0;
    }
}
