package dev.quire.benchmarks.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The performance targets, judged on ratios of medians measured in the same run: Quire against raw
 * Chronicle Queue, against the better of the two Artemis configurations, against its own shallow-queue
 * drain, and W9's absolute limits. Also states the durable workloads as a fraction of the fsync ceiling.
 */
public final class TargetCheck
{
    private static final String QUIRE = QuireProvider.NAME;

    private final Results results;

    /**
     * @param results the run's results.
     */
    public TargetCheck(final Results results)
    {
        this.results = results;
    }

    /**
     * One target and what the run made of it.
     *
     * @param workload which workload.
     * @param target   the target in words.
     * @param measured the ratio or value measured, with the figures it comes from.
     * @param met      whether it was met; null when not measured.
     */
    public record Verdict(String workload, String target, String measured, Boolean met)
    {
    }

    /**
     * @return every target, in workload order.
     */
    public List<Verdict> verdicts()
    {
        final List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(againstRawChronicle());
        verdicts.add(againstArtemis("W2", Metric.THROUGHPUT, 5, "≥ 5× the better Artemis throughput"));
        verdicts.add(againstArtemis("W2", Metric.P99, 0.1, "p99 ≤ 1/10 of the better Artemis"));
        verdicts.add(againstArtemis("W3", Metric.THROUGHPUT, 3, "≥ 3× the better Artemis throughput"));
        verdicts.add(depthHolds());
        verdicts.add(againstArtemis("W5", Metric.P99, 0.5, "p99 round trip ≤ ½ of the better Artemis"));
        verdicts.add(againstArtemis("W5-np", Metric.P99, 0.5, "p99 round trip ≤ ½ of the better Artemis"));
        verdicts.add(againstArtemis("W7", Metric.THROUGHPUT, 3, "≥ 3× the better Artemis throughput"));
        verdicts.add(againstArtemis("W8", Metric.THROUGHPUT, 3, "≥ 3× the better Artemis throughput"));
        verdicts.add(absolute("W9", Metric.RESTART_SECONDS, 5, "restart with the pending messages < 5 s"));
        verdicts.add(absolute("W9", Metric.HEAP_PER_MESSAGE, 100, "heap per pending message < 100 B"));
        return verdicts;
    }

    /**
     * @return lines stating Quire's and the better Artemis' durable rates as a fraction of the fsync
     *     ceiling (P1) of the same run.
     */
    public List<String> fractionsOfDisk()
    {
        final double ceiling = results.statistics("P1", Results.DISK, Metric.THROUGHPUT).median();
        final List<String> lines = new ArrayList<>();
        if (Double.isNaN(ceiling))
        {
            return lines;
        }
        lines.add(durableFraction("W1", Metric.THROUGHPUT, ceiling));
        lines.add(durableFraction("W3", Metric.THROUGHPUT, ceiling));
        lines.add(durableFraction("W4", Metric.SEND_RATE, ceiling));
        lines.add(durableFraction("W5", Metric.THROUGHPUT, ceiling));
        lines.add(durableFraction("W7", Metric.THROUGHPUT, ceiling));
        lines.add(durableFraction("W8", Metric.THROUGHPUT, ceiling));
        lines.removeIf(String::isEmpty);
        return lines;
    }

    /**
     * @return lines following a synchronous durable send one step at a time from the raw ceiling to W1 (P3,
     *     P4, P5, W4's sends, W1), each with its rate, the time per send it means and what the step added;
     *     empty when the run has none of P4 and P5.
     */
    public List<String> syncSendSteps()
    {
        final List<String> lines = new ArrayList<>();
        if (Double.isNaN(median("P4", Results.DISK, Metric.THROUGHPUT)) &&
            Double.isNaN(median("P5", Results.DISK, Metric.THROUGHPUT)))
        {
            return lines;
        }
        final List<SendStep> steps = List.of(
            new SendStep("P3 raw Chronicle append + fdatasync", "P3", Results.DISK, Metric.THROUGHPUT),
            new SendStep("P4 + the journal's encoding and its flusher thread", "P4", Results.DISK, Metric.THROUGHPUT),
            new SendStep("P5 + the engine thread", "P5", Results.DISK, Metric.THROUGHPUT),
            new SendStep("W4 sends + the JMS layer", "W4", QUIRE, Metric.SEND_RATE),
            new SendStep("W1 + a consumer on the same cores", "W1", QUIRE, Metric.THROUGHPUT));
        double previousMicros = Double.NaN;
        for (final SendStep step : steps)
        {
            final double rate = median(step.workload, step.subject, step.metric);
            if (Double.isNaN(rate))
            {
                continue;
            }
            final double micros = 1e6 / rate;
            final String added = Double.isNaN(previousMicros) ? "" :
                String.format(Locale.ROOT, ", %+,.0f µs", micros - previousMicros);
            lines.add(String.format(Locale.ROOT, "%s: %s msgs/s, %,.0f µs per send%s", step.label, Figures.plain(rate),
                micros, added));
            previousMicros = micros;
        }
        return lines;
    }

    private String durableFraction(final String workload, final Metric metric, final double ceiling)
    {
        final double quire = median(workload, QUIRE, metric);
        final String artemis = results.betterArtemis(workload, metric);
        if (Double.isNaN(quire))
        {
            return "";
        }
        final StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %s: Quire %s (%s of the ceiling)",
            workload, metric.name(), Figures.plain(quire), Figures.ratio(quire / ceiling)));
        if (artemis != null)
        {
            final double other = median(workload, artemis, metric);
            line.append(String.format(Locale.ROOT, ", %s %s (%s)", artemis, Figures.plain(other),
                Figures.ratio(other / ceiling)));
        }
        return line.toString();
    }

    /**
     * One step of {@link #syncSendSteps()}.
     */
    private record SendStep(String label, String workload, String subject, Metric metric)
    {
    }

    private Verdict againstRawChronicle()
    {
        final double quire = median("W1", QUIRE, Metric.THROUGHPUT);
        final double raw = median("P2", Results.DISK, Metric.THROUGHPUT);
        final double ratio = quire / raw;
        final double wholeFile = median("P3", Results.DISK, Metric.THROUGHPUT);
        final String ofWholeFile = Double.isNaN(wholeFile) ? "" : String.format(Locale.ROOT,
            "; %s of P3's %s, append + fdatasync of the file", Figures.ratio(quire / wholeFile),
            Figures.plain(wholeFile));
        return verdict("W1", "≥ 85 % of raw Chronicle append + msync per message (P2)", ratio,
            String.format(Locale.ROOT, "%s (Quire %s vs raw %s msgs/s%s)", Figures.ratio(ratio), Figures.plain(quire),
                Figures.plain(raw), ofWholeFile), ratio >= 0.85);
    }

    private Verdict againstArtemis(final String workload, final Metric metric, final double bound, final String target)
    {
        final double quire = median(workload, QUIRE, metric);
        final String artemis = results.betterArtemis(workload, metric);
        final double other = artemis == null ? Double.NaN : median(workload, artemis, metric);
        final double ratio = quire / other;
        final String stated = metric.higherIsBetter() ? Figures.times(ratio) : Figures.ratio(ratio);
        final String measured = String.format(Locale.ROOT, "%s (Quire %s vs %s %s %s)", stated,
            Figures.plain(quire), artemis, Figures.plain(other), metric.name());
        return verdict(workload, target, ratio, measured, metric.higherIsBetter() ? ratio >= bound : ratio <= bound);
    }

    private Verdict depthHolds()
    {
        final double deep = median("W4-deep", QUIRE, Metric.DRAIN_RATE);
        final double shallow = median("W4-shallow", QUIRE, Metric.DRAIN_RATE);
        final double ratio = deep / shallow;
        return verdict("W4", "drain rate of the deep queue within 20 % of the shallow one", ratio,
            String.format(Locale.ROOT, "%s (deep %s vs shallow %s msgs/s)", Figures.ratio(ratio), Figures.plain(deep),
                Figures.plain(shallow)), ratio >= 0.8);
    }

    private Verdict absolute(final String workload, final Metric metric, final double limit, final String target)
    {
        final double value = median(workload, QUIRE, metric);
        return verdict(workload, target, value, Figures.plain(value) + " " + metric.name(), value < limit);
    }

    private static Verdict verdict(final String workload, final String target, final double value, final String measured,
        final boolean met)
    {
        return Double.isNaN(value) ? new Verdict(workload, target, "not measured", null) :
            new Verdict(workload, target, measured, met);
    }

    private double median(final String workload, final String subject, final Metric metric)
    {
        return results.statistics(workload, subject, metric).median();
    }
}
