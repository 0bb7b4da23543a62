package dev.quire.benchmarks.workload;

/**
 * One workload: starts a broker of the provider under test on the run's fresh directory (or, for a
 * probe, measures the disk there), runs, and reports what it measured.
 */
public interface Workload
{
    /**
     * @return the short name used on the command line and in the results, such as {@code W1}.
     */
    String id();

    /**
     * @return what it does, in a few words.
     */
    String title();

    /**
     * @return the metric the workload is judged by first.
     */
    default Metric primaryMetric()
    {
        return Metric.THROUGHPUT;
    }

    /**
     * @return whether it runs against each provider (a probe of the disk does not).
     */
    default boolean usesProvider()
    {
        return true;
    }

    /**
     * @param context the provider, a fresh directory and the settings.
     * @return what it measured.
     * @throws Exception when the provider fails or the workload cannot finish.
     */
    RunResult run(WorkloadContext context) throws Exception;
}
