package dev.quire.benchmarks.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every run's result, by workload and subject (a provider's name, or {@value #DISK} for a probe), and
 * the runs that failed.
 */
public final class Results
{
    /** The subject of the disk probes. */
    public static final String DISK = "disk";

    private final List<Workload> workloads = new ArrayList<>();
    private final Map<String, Map<String, List<RunResult>>> runs = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    /**
     * @param workload the workload run.
     * @param subject  the provider's name, or {@value #DISK}.
     * @param result   what the run measured.
     */
    public void add(final Workload workload, final String subject, final RunResult result)
    {
        if (workloads.stream().noneMatch(w -> w.id().equals(workload.id())))
        {
            workloads.add(workload);
        }
        runs.computeIfAbsent(workload.id(), id -> new LinkedHashMap<>())
            .computeIfAbsent(subject, name -> new ArrayList<>())
            .add(result);
    }

    /**
     * @param description which run failed and why.
     */
    public void fail(final String description)
    {
        failures.add(description);
    }

    /**
     * @return the runs that failed.
     */
    public List<String> failures()
    {
        return List.copyOf(failures);
    }

    /**
     * @return the workloads with results, in running order.
     */
    public List<Workload> workloads()
    {
        return List.copyOf(workloads);
    }

    /**
     * @param workloadId a workload.
     * @return the subjects it ran against, in the order first run.
     */
    public List<String> subjects(final String workloadId)
    {
        return List.copyOf(runs.getOrDefault(workloadId, Map.of()).keySet());
    }

    /**
     * @param workloadId a workload.
     * @param subject    a subject.
     * @return its runs' results, in the order run.
     */
    public List<RunResult> runs(final String workloadId, final String subject)
    {
        return List.copyOf(runs.getOrDefault(workloadId, Map.of()).getOrDefault(subject, List.of()));
    }

    /**
     * @param workloadId a workload.
     * @param subject    a subject.
     * @param metric     a metric.
     * @return its statistics over the runs.
     */
    public RunStatistics statistics(final String workloadId, final String subject, final Metric metric)
    {
        final List<Double> values = new ArrayList<>();
        for (final RunResult result : runs(workloadId, subject))
        {
            values.add(result.get(metric));
        }
        return RunStatistics.of(values);
    }

    /**
     * @param workloadId a workload.
     * @param metric     a metric.
     * @return the Artemis configuration with the better median of that metric, or null when none ran.
     */
    public String betterArtemis(final String workloadId, final Metric metric)
    {
        String best = null;
        double bestValue = Double.NaN;
        for (final String subject : subjects(workloadId))
        {
            if (!subject.startsWith("artemis"))
            {
                continue;
            }
            final double value = statistics(workloadId, subject, metric).median();
            if (!Double.isNaN(value) && (best == null ||
                (metric.higherIsBetter() ? value > bestValue : value < bestValue)))
            {
                best = subject;
                bestValue = value;
            }
        }
        return best;
    }
}
