package dev.quire.benchmarks.workload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Proves the runner works end to end with tiny runs: every workload and probe against Quire, one workload
 * against Artemis, the report and the chart, in this JVM; and a probe and a workload in JVMs of their
 * own. It measures nothing worth reading.
 */
@Timeout(120)
class WorkloadRunnerTest
{
    private static final String[] TINY = {"--runs", "1", "--seconds", "0.2", "--warmup", "0.05", "--shallow", "200",
        "--deep", "400", "--restart", "500", "--fill-batch", "50", "--drain-seconds", "20"};

    @TempDir
    Path output;

    @Test
    void shouldRunEveryWorkloadAgainstQuireAndReportIt() throws IOException
    {
        final RunnerOptions options = options("--providers", "quire", "--fork", "no");
        final List<String> progress = new ArrayList<>();
        final Results results = new WorkloadRunner(options, progress::add).run();

        assertThat(results.failures()).isEmpty();
        assertThat(results.workloads()).extracting(Workload::id)
            .containsExactlyElementsOf(WorkloadCatalogue.all().stream().map(Workload::id).toList());
        for (final Workload workload : results.workloads())
        {
            final String subject = workload.usesProvider() ? QuireProvider.NAME : Results.DISK;
            assertThat(results.statistics(workload.id(), subject, workload.primaryMetric()).median())
                .as(workload.id()).isPositive();
        }
        assertThat(results.statistics("W4-deep", QuireProvider.NAME, Metric.DRAINED).median()).isEqualTo(400);
        assertThat(results.statistics("W9", QuireProvider.NAME, Metric.HEAP_PER_MESSAGE).measured()).isTrue();
        assertThat(progress).hasSize(results.workloads().size());

        final String report = new ResultReport(results, "test run").markdown();
        assertThat(report).contains("| W1 | quire | msgs/s |").contains("| W9 | restart with the pending messages < 5 s |")
            .contains("- P3 raw Chronicle append + fdatasync: ")
            .containsPattern("- P5 \\+ the engine thread: .* µs per send, [+-][\\d,]+ µs")
            .contains("- W1 + a consumer on the same cores: ");
        new ResultChart(results, "test run").write(output.resolve("chart.png"));
        assertThat(Files.size(output.resolve("chart.png"))).isPositive();

        ResultCsv.write(results, "test run", output.resolve("runs.csv"));
        final Results read = ResultCsv.read(output.resolve("runs.csv")).getValue();
        assertThat(new ResultReport(read, "test run").markdown()).isEqualTo(report);
    }

    @Test
    void shouldRunAgainstArtemisAndCompareWithTheBetterConfiguration()
    {
        final RunnerOptions options = options("--providers", "quire,artemis-tuned", "--workloads", "W1", "--fork", "no");
        final Results results = new WorkloadRunner(options, line -> { }).run();

        assertThat(results.failures()).isEmpty();
        assertThat(results.subjects("W1")).containsExactly(QuireProvider.NAME, ArtemisProvider.TUNED_NAME);
        assertThat(results.statistics("W1", ArtemisProvider.TUNED_NAME, Metric.THROUGHPUT).median()).isPositive();
        assertThat(results.betterArtemis("W1", Metric.THROUGHPUT)).isEqualTo(ArtemisProvider.TUNED_NAME);
    }

    @Test
    void shouldRunEachSubjectInAJvmOfItsOwnWithTheSettingsGiven()
    {
        final RunnerOptions options = options("--providers", "quire", "--workloads", "P1,W4-shallow", "--runs", "2");
        final List<String> progress = new ArrayList<>();
        final Results results = new WorkloadRunner(options, progress::add).run();

        assertThat(options.fork()).isTrue();
        assertThat(results.failures()).isEmpty();
        assertThat(results.statistics("P1", Results.DISK, Metric.THROUGHPUT).median()).isPositive();
        assertThat(results.statistics("W4-shallow", QuireProvider.NAME, Metric.DRAINED).median())
            .as("the child drained the --shallow depth given, not the default").isEqualTo(200);
        assertThat(results.statistics("W4-shallow", QuireProvider.NAME, Metric.OTHERS_CPU).measured()).isTrue();
        assertThat(results.statistics("W4-shallow", QuireProvider.NAME, Metric.DRAIN_RATE).runs()).isEqualTo(2);
        assertThat(progress).hasSize(4);
    }

    @Test
    void shouldRejectAnUnknownWorkloadOrProvider()
    {
        assertThatThrownBy(() -> RunnerOptions.parse("--workloads", "W42"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("W42");
        assertThatThrownBy(() -> RunnerOptions.parse("--providers", "rabbit"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rabbit");
        assertThatThrownBy(() -> RunnerOptions.parse("--fork", "maybe"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--fork takes yes or no");
    }

    private static RunnerOptions options(final String... extra)
    {
        final List<String> args = new ArrayList<>(List.of(TINY));
        args.addAll(List.of(extra));
        return RunnerOptions.parse(args.toArray(String[]::new));
    }
}
