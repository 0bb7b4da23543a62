package dev.quire.benchmarks.workload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The step-by-step account of a synchronous send and the targets' wording, from results made up for the test.
 */
@Timeout(10)
class TargetCheckTest
{
    @Test
    void shouldGiveEachStepsTimePerSendAndWhatItAdded()
    {
        final Results results = new Results();
        record(results, "P3", Results.DISK, Metric.THROUGHPUT, 5_000);
        record(results, "P4", Results.DISK, Metric.THROUGHPUT, 4_000);
        record(results, "P5", Results.DISK, Metric.THROUGHPUT, 2_000);
        record(results, "W4", QuireProvider.NAME, Metric.SEND_RATE, 1_000);
        record(results, "W1", QuireProvider.NAME, Metric.THROUGHPUT, 1_250);

        assertThat(new TargetCheck(results).syncSendSteps()).containsExactly(
            "P3 raw Chronicle append + fdatasync: 5,000 msgs/s, 200 µs per send",
            "P4 + the journal's encoding and its flusher thread: 4,000 msgs/s, 250 µs per send, +50 µs",
            "P5 + the engine thread: 2,000 msgs/s, 500 µs per send, +250 µs",
            "W4 sends + the JMS layer: 1,000 msgs/s, 1,000 µs per send, +500 µs",
            "W1 + a consumer on the same cores: 1,250 msgs/s, 800 µs per send, -200 µs");
    }

    @Test
    void shouldSkipStepsTheRunDidNotMeasure()
    {
        final Results results = new Results();
        record(results, "P3", Results.DISK, Metric.THROUGHPUT, 5_000);
        record(results, "P5", Results.DISK, Metric.THROUGHPUT, 2_000);

        assertThat(new TargetCheck(results).syncSendSteps()).containsExactly(
            "P3 raw Chronicle append + fdatasync: 5,000 msgs/s, 200 µs per send",
            "P5 + the engine thread: 2,000 msgs/s, 500 µs per send, +300 µs");
    }

    @Test
    void shouldSayNothingWithoutTheQuireProbes()
    {
        final Results results = new Results();
        record(results, "P3", Results.DISK, Metric.THROUGHPUT, 5_000);
        record(results, "W1", QuireProvider.NAME, Metric.THROUGHPUT, 1_250);

        assertThat(new TargetCheck(results).syncSendSteps()).isEmpty();
    }

    @Test
    void shouldStateAThroughputComparisonAsAMultipleAndALatencyOneAsAShare()
    {
        final Results results = new Results();
        record(results, "W8", QuireProvider.NAME, Metric.THROUGHPUT, 10_440);
        record(results, "W8", ArtemisProvider.TUNED_NAME, Metric.THROUGHPUT, 5_893);
        record(results, "W5", QuireProvider.NAME, Metric.P99, 569);
        record(results, "W5", ArtemisProvider.TUNED_NAME, Metric.P99, 728);

        assertThat(new TargetCheck(results).verdicts())
            .filteredOn(verdict -> verdict.workload().equals("W8") || verdict.workload().equals("W5"))
            .extracting(TargetCheck.Verdict::measured)
            .containsExactly("78 % (Quire 569 vs artemis-tuned 728 p99 µs)",
                "1.77× (Quire 10,440 vs artemis-tuned 5,893 msgs/s)");
    }

    private static void record(final Results results, final String workloadId, final String subject,
        final Metric metric, final double value)
    {
        final List<Workload> workload = WorkloadCatalogue.select(List.of(workloadId));
        results.add(workload.get(0), subject, new RunResult().put(metric, value));
    }
}
