package dev.quire.benchmarks.workload;

import dev.quire.benchmarks.BenchmarkDirectories;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of its own for one subject (a provider, or the disk for the probes), kept for a whole invocation of
 * the runner: it runs that subject's runs one at a time when asked, so each provider's code warms up over
 * its own runs only. In one JVM shared by all subjects the providers measured each other: what Artemis'
 * runs left behind (compiled code profiled on its calls through the same JDK classes, the heap's shape)
 * slowed Quire's W4-deep drain from about 570,000 to 245,000 msgs/s. A fresh JVM per run avoids that but
 * measures cold code: Artemis needed about 10 s of warm-up to come near its warm rate.
 * <p>
 * As a main class it is the child's side: it takes the subject ({@value Results#DISK} or a provider's name)
 * and the runner's setting options, reads a workload id per line from standard input, and answers each
 * with the measured values, one per line, then an end line.
 */
final class SubjectJvm implements AutoCloseable
{
    private static final String VALUE = "quire-subject-jvm-value\t";
    private static final String FAILED = "quire-subject-jvm-failed\t";
    private static final String END = "quire-subject-jvm-end";
    private static final String EOF = "quire-subject-jvm-eof";
    private static final long RUN_TIMEOUT_SECONDS = 1_800;
    private static final long EXIT_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    /**
     * Starts the JVM with this one's flags and class path; its standard error goes to this one's.
     *
     * @param subject          {@value Results#DISK} or a provider's name.
     * @param settingArguments the runner's options that shape a run (see {@link RunnerOptions#settingArguments()}).
     * @throws IOException when it cannot be started.
     */
    SubjectJvm(final String subject, final List<String> settingArguments) throws IOException
    {
        final List<String> arguments = new ArrayList<>();
        arguments.add(subject);
        arguments.addAll(settingArguments);
        process = new ProcessBuilder(ChildJvm.command(SubjectJvm.class, arguments))
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        commands = process.outputWriter(StandardCharsets.UTF_8);
        final Thread reader = new Thread(this::readOutput, "subject-jvm-output-" + subject);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Runs one run of {@code workload} in the child and waits for it.
     *
     * @param workload the workload.
     * @return what it measured, with the CPU other processes used meanwhile.
     * @throws IOException          when the child cannot be asked.
     * @throws InterruptedException when interrupted while waiting.
     * @throws IllegalStateException when the run fails, the child dies or the run takes too long.
     */
    RunResult run(final Workload workload) throws IOException, InterruptedException
    {
        commands.write(workload.id() + "\n");
        commands.flush();
        final RunResult result = new RunResult();
        String failure = null;
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RUN_TIMEOUT_SECONDS);
        while (true)
        {
            final String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null || EOF.equals(line))
            {
                throw new IllegalStateException("the JVM running " + workload.id() + (line == null
                    ? " did not answer within " + RUN_TIMEOUT_SECONDS + " s" : " ended during the run"));
            }
            if (END.equals(line))
            {
                if (failure != null)
                {
                    throw new IllegalStateException(failure);
                }
                return result;
            }
            if (line.startsWith(FAILED))
            {
                failure = line.substring(FAILED.length());
            }
            else if (line.startsWith(VALUE))
            {
                final String[] fields = line.substring(VALUE.length()).split("\t");
                result.put(Metric.named(fields[0]), Double.parseDouble(fields[1]));
            }
        }
    }

    /**
     * @return whether the child is still running.
     */
    boolean alive()
    {
        return process.isAlive();
    }

    /**
     * Asks the child to exit and waits for it, killing it when it does not exit in time or this thread is
     * interrupted meanwhile.
     */
    @Override
    public void close()
    {
        try
        {
            commands.close();
            if (process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS))
            {
                return;
            }
        }
        catch (final IOException ex)
        {
            // it can no longer be asked; killed below
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }

    private void readOutput()
    {
        try (BufferedReader reader = process.inputReader(StandardCharsets.UTF_8))
        {
            for (String line = reader.readLine(); line != null; line = reader.readLine())
            {
                lines.add(line);
            }
        }
        catch (final IOException ex)
        {
            lines.add(FAILED + "reading the child's output failed: " + ex);
        }
        lines.add(EOF);
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
    static RunResult runHere(final Workload workload, final ProviderUnderTest provider, final WorkloadSettings settings)
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
     * The child's side.
     *
     * @param args the subject, then setting options.
     * @throws IOException when standard input cannot be read.
     */
    public static void main(final String[] args) throws IOException
    {
        WorkloadRunner.quietLogging();
        final PrintStream answers = System.out;
        System.setOut(System.err);
        final ProviderUnderTest provider = Results.DISK.equals(args[0]) ? null : Providers.named(args[0]);
        final WorkloadSettings settings = RunnerOptions.parse(List.of(args).subList(1, args.length)
            .toArray(String[]::new)).settings();
        final BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String id = requests.readLine(); id != null; id = requests.readLine())
        {
            try
            {
                final RunResult result = runHere(WorkloadCatalogue.named(id), provider, settings);
                result.values().forEach((metric, value) -> answers.println(VALUE + metric.name() + "\t" + value));
            }
            catch (final Exception | Error ex)
            {
                ex.printStackTrace();
                answers.println(FAILED + ex);
            }
            answers.println(END);
            answers.flush();
        }
        System.exit(0);
    }
}
