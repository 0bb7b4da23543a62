package dev.quire.benchmarks.workload;

import dev.quire.benchmarks.BenchmarkDirectories;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of one workload against one provider, in this JVM or in a fresh one. A fresh JVM per run keeps
 * the providers from measuring each other: in one shared JVM, what a provider's earlier runs left behind
 * (compiled code profiled on the other provider's calls through the same JDK classes, the heap's shape)
 * slowed Quire's W4-deep drain from about 570,000 to 245,000 msgs/s.
 * <p>
 * As a main class it is the child's side: it takes the workload's id, the subject ({@value Results#DISK} or
 * a provider's name) and the runner's settings options, and prints each measured value on a line of its own.
 */
public final class SingleRun
{
    private static final String RESULT_PREFIX = "quire-single-run-result\t";
    private static final long TIMEOUT_SECONDS = 1_800;

    private SingleRun()
    {
    }

    /**
     * Runs in this JVM, with a fresh data directory deleted afterwards, after a garbage collection.
     *
     * @param workload the workload.
     * @param provider the provider, or {@code null} for a probe that uses none.
     * @param settings the workload settings.
     * @return what it measured, with the CPU other processes used meanwhile.
     * @throws Exception when the workload fails.
     */
    static RunResult here(final Workload workload, final ProviderUnderTest provider, final WorkloadSettings settings)
        throws Exception
    {
        final Path directory = BenchmarkDirectories.create("quire-workload-");
        try
        {
            System.gc();
            final NeighbourCpu before = NeighbourCpu.sample();
            final RunResult result = workload.run(new WorkloadContext(provider, directory, settings));
            return result.put(Metric.OTHERS_CPU, before.othersPercentUntil(NeighbourCpu.sample()));
        }
        finally
        {
            BenchmarkDirectories.delete(directory);
        }
    }

    /**
     * Runs in a fresh JVM with this one's flags and class path.
     *
     * @param workload         the workload.
     * @param provider         the provider, or {@code null} for a probe that uses none.
     * @param settingArguments the runner's options that shape a run (see {@link RunnerOptions#settingArguments()}).
     * @return what it measured.
     * @throws IOException          when the child cannot be started.
     * @throws InterruptedException when interrupted while waiting for it.
     * @throws IllegalStateException when the child fails, with what it printed.
     */
    static RunResult inFreshJvm(final Workload workload, final ProviderUnderTest provider,
        final List<String> settingArguments) throws IOException, InterruptedException
    {
        final List<String> arguments = new ArrayList<>();
        arguments.add(workload.id());
        arguments.add(provider == null ? Results.DISK : provider.name());
        arguments.addAll(settingArguments);
        final String output = ChildJvm.run(SingleRun.class, arguments, TIMEOUT_SECONDS);
        final RunResult result = new RunResult();
        output.lines().filter(line -> line.startsWith(RESULT_PREFIX)).forEach(line ->
        {
            final String[] fields = line.substring(RESULT_PREFIX.length()).split("\t");
            result.put(Metric.named(fields[0]), Double.parseDouble(fields[1]));
        });
        if (result.values().isEmpty())
        {
            throw new IllegalStateException("the run of " + workload.id() + " in a fresh JVM reported nothing:\n" + output);
        }
        return result;
    }

    /**
     * The child's side of {@link #inFreshJvm}.
     *
     * @param args the workload's id, the subject, then settings options.
     * @throws Exception when the workload fails; the child then exits with a stack trace.
     */
    public static void main(final String[] args) throws Exception
    {
        WorkloadRunner.quietLogging();
        final Workload workload = WorkloadCatalogue.all().stream().filter(w -> w.id().equals(args[0])).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown workload " + args[0]));
        final ProviderUnderTest provider = Results.DISK.equals(args[1]) ? null : Providers.named(args[1]);
        final RunnerOptions options = RunnerOptions.parse(List.of(args).subList(2, args.length).toArray(String[]::new));
        final RunResult result = here(workload, provider, options.settings());
        result.values().forEach((metric, value) -> System.out.println(RESULT_PREFIX + metric.name() + "\t" + value));
        System.exit(0);
    }
}
