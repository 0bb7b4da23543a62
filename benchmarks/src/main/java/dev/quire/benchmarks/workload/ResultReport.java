package dev.quire.benchmarks.workload;

import java.util.List;
import java.util.Locale;

/**
 * The run's results as Markdown: the main table (each workload's first metric and latencies, with the
 * CPU other processes used), the other metrics, the targets, the fractions of the disk's ceiling and the
 * steps of a synchronous send.
 */
public final class ResultReport
{
    private static final List<Metric> LATENCIES = List.of(Metric.P50, Metric.P99, Metric.P999);

    private final Results results;
    private final TargetCheck check;
    private final String heading;

    /**
     * @param results the run's results.
     * @param heading the line that says when, where and how the run was made.
     */
    public ResultReport(final Results results, final String heading)
    {
        this.results = results;
        this.check = new TargetCheck(results);
        this.heading = heading;
    }

    /**
     * @return the report.
     */
    public String markdown()
    {
        final StringBuilder out = new StringBuilder();
        out.append(heading).append("\n\n");
        mainTable(out);
        otherMetrics(out);
        targets(out);
        bullets(out, "Durable rates as a fraction of the fsync ceiling (P1) of this run:", check.fractionsOfDisk());
        bullets(out, "One synchronous send at a time, step by step from the raw ceiling to W1 " +
            "(time per send = 1 / rate):", check.syncSendSteps());
        bullets(out, "Failed runs:", results.failures());
        return out.toString();
    }

    /**
     * Appends a paragraph and its lines as a bulleted list, or nothing when there are no lines.
     */
    private static void bullets(final StringBuilder out, final String heading, final List<String> lines)
    {
        if (!lines.isEmpty())
        {
            out.append('\n').append(heading).append("\n\n");
            lines.forEach(line -> out.append("- ").append(line).append('\n'));
        }
    }

    private void mainTable(final StringBuilder out)
    {
        out.append("| workload | provider | metric | median | min | max | spread | p50 µs | p99 µs | p99.9 µs | others' CPU % (max) |\n");
        out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (final Workload workload : results.workloads())
        {
            for (final String subject : results.subjects(workload.id()))
            {
                final Metric metric = headline(workload);
                final RunStatistics stats = results.statistics(workload.id(), subject, metric);
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |", workload.id(), subject,
                    metric.name(), Figures.plain(stats.median()), Figures.plain(stats.min()), Figures.plain(stats.max()),
                    spread(stats)));
                for (final Metric latency : LATENCIES)
                {
                    out.append(' ').append(Figures.plain(results.statistics(workload.id(), subject, latency).median()))
                        .append(" |");
                }
                final RunStatistics cpu = results.statistics(workload.id(), subject, Metric.OTHERS_CPU);
                out.append(' ').append(Figures.plain(cpu.median())).append(" (").append(Figures.plain(cpu.max()))
                    .append(") |\n");
            }
        }
    }

    private void otherMetrics(final StringBuilder out)
    {
        final StringBuilder rows = new StringBuilder();
        for (final Workload workload : results.workloads())
        {
            for (final String subject : results.subjects(workload.id()))
            {
                for (final Metric metric : List.of(Metric.THROUGHPUT, Metric.SEND_RATE, Metric.FILL_RATE, Metric.DRAINED,
                    Metric.HEAP_PER_MESSAGE))
                {
                    final RunStatistics stats = results.statistics(workload.id(), subject, metric);
                    if (metric.equals(headline(workload)) || !stats.measured())
                    {
                        continue;
                    }
                    rows.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", workload.id(), subject,
                        metric.name(), Figures.plain(stats.median()), Figures.plain(stats.min()),
                        Figures.plain(stats.max()), spread(stats)));
                }
            }
        }
        if (rows.length() > 0)
        {
            out.append("\n| workload | provider | other metric | median | min | max | spread |\n");
            out.append("|---|---|---|---:|---:|---:|---:|\n");
            out.append(rows);
        }
    }

    private void targets(final StringBuilder out)
    {
        out.append("\n| workload | target | measured (medians) | met |\n|---|---|---|---|\n");
        for (final TargetCheck.Verdict verdict : check.verdicts())
        {
            final String met = verdict.met() == null ? "–" : verdict.met() ? "yes" : "**no**";
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", verdict.workload(), verdict.target(),
                verdict.measured(), met));
        }
    }

    /**
     * @param workload a workload.
     * @return the metric its row of the main table shows: throughput when measured (W5's is one over its
     *     round trip), else its primary metric.
     */
    static Metric headline(final Workload workload)
    {
        return workload.primaryMetric().equals(Metric.P99) ? Metric.THROUGHPUT : workload.primaryMetric();
    }

    private static String spread(final RunStatistics stats)
    {
        return Double.isNaN(stats.spreadPercent()) ? "–" : String.format(Locale.ROOT, "%.0f %%", stats.spreadPercent());
    }
}
