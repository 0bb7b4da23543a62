package dev.quire.benchmarks.workload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A subject's JVM reports a failed run as a failure, not a hang, and keeps serving runs after it.
 */
@Timeout(60)
class SubjectJvmTest
{
    @Test
    void shouldReportAFailedRunAndGoOnServing() throws Exception
    {
        final Workload unknown = new Workload()
        {
            @Override
            public String id()
            {
                return "NO-SUCH-WORKLOAD";
            }

            @Override
            public String title()
            {
                return "a workload the child does not know";
            }

            @Override
            public RunResult run(final WorkloadContext context)
            {
                throw new AssertionError("runs only in the child, which does not know it");
            }
        };
        try (SubjectJvm jvm = new SubjectJvm(Results.DISK, List.of("--seconds", "0.2", "--warmup", "0.05")))
        {
            assertThatThrownBy(() -> jvm.run(unknown)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown workload 'NO-SUCH-WORKLOAD'");

            final RunResult probe = jvm.run(WorkloadCatalogue.named("P1"));

            assertThat(probe.get(Metric.THROUGHPUT)).isPositive();
            assertThat(probe.values()).containsKey(Metric.OTHERS_CPU);
        }
    }
}
