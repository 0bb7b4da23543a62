package dev.quire.benchmarks.workload;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs JMS workloads against Quire and embedded ActiveMQ Artemis, alternating providers run by run, and
 * writes a Markdown report (medians, min, max, spread, the CPU other processes used, the targets) and a PNG
 * chart. Each subject (provider, or the disk for the probes) runs in a JVM of its own unless told otherwise
 * ({@link SubjectJvm}), each run on a fresh data directory, deleted afterwards.
 * See {@link RunnerOptions#USAGE} and {@code docs/performance.md}.
 */
public final class WorkloadRunner
{
    /** Artemis warns of every auto-created queue without a dead-letter or expiry address. */
    private static final String ARTEMIS_SERVER_LOG = "org.slf4j.simpleLogger.log.org.apache.activemq.artemis.core.server";

    private final RunnerOptions options;
    private final Consumer<String> progress;
    private final Map<String, SubjectJvm> subjectJvms = new HashMap<>();

    /**
     * @param options  what to run.
     * @param progress where to tell each run's outcome as it finishes.
     */
    public WorkloadRunner(final RunnerOptions options, final Consumer<String> progress)
    {
        this.options = options;
        this.progress = progress;
    }

    /**
     * @param args see {@link RunnerOptions#USAGE}.
     * @throws IOException when the report or chart cannot be written.
     */
    public static void main(final String[] args) throws IOException
    {
        quietLogging();
        if (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0])))
        {
            System.out.println(RunnerOptions.USAGE);
            return;
        }
        final RunnerOptions options = RunnerOptions.parse(args);
        final PrintStream err = System.err;
        final Results results = new WorkloadRunner(options, err::println).run();
        final String heading = heading(options);
        final String report = new ResultReport(results, heading).markdown();
        System.out.println(report);
        Files.writeString(options.report(), report);
        ResultCsv.write(results, heading, options.csv());
        new ResultChart(results, heading).write(options.chart());
        err.println("wrote " + options.report() + ", " + options.csv() + " and " + options.chart());
    }

    /**
     * Keeps the providers' logs to warnings unless the command line asks for more.
     */
    static void quietLogging()
    {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null)
        {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (System.getProperty(ARTEMIS_SERVER_LOG) == null)
        {
            System.setProperty(ARTEMIS_SERVER_LOG, "error");
        }
    }

    /**
     * Runs every workload: for each, the given number of runs, each run going through the providers in
     * an order rotated by one from the previous run's.
     *
     * @return the results.
     */
    public Results run()
    {
        final Results results = new Results();
        try
        {
            for (final Workload workload : options.workloads())
            {
                for (int run = 0; run < options.runs(); run++)
                {
                    for (final ProviderUnderTest provider : subjects(workload, run))
                    {
                        runOnce(workload, provider, run, results);
                    }
                }
            }
        }
        finally
        {
            closeSubjectJvms();
        }
        return results;
    }

    private List<ProviderUnderTest> subjects(final Workload workload, final int run)
    {
        final List<ProviderUnderTest> subjects = new ArrayList<>();
        if (!workload.usesProvider())
        {
            subjects.add(null);
            return subjects;
        }
        final List<ProviderUnderTest> providers = options.providers();
        for (int i = 0; i < providers.size(); i++)
        {
            subjects.add(providers.get((i + run) % providers.size()));
        }
        return subjects;
    }

    private void runOnce(final Workload workload, final ProviderUnderTest provider, final int run, final Results results)
    {
        final String subject = provider == null ? Results.DISK : provider.name();
        final String name = String.format(Locale.ROOT, "%s run %d/%d %s", workload.id(), run + 1, options.runs(), subject);
        final long start = System.nanoTime();
        try
        {
            final RunResult result = options.fork()
                ? subjectJvm(subject).run(workload)
                : SubjectJvm.runHere(workload, provider, options.settings());
            results.add(workload, subject, result);
            progress.accept(String.format(Locale.ROOT, "%s: %s (%.1f s)", name, describe(result),
                (System.nanoTime() - start) / 1e9));
        }
        catch (final Exception | Error ex)
        {
            if (ex instanceof InterruptedException)
            {
                Thread.currentThread().interrupt();
            }
            results.fail(name + ": " + ex);
            progress.accept(name + " FAILED: " + ex);
            ex.printStackTrace();
        }
    }

    /**
     * @return the subject's JVM, started when it has none or its last one died (a later run then starts
     *     from cold again).
     */
    private SubjectJvm subjectJvm(final String subject) throws IOException
    {
        SubjectJvm jvm = subjectJvms.get(subject);
        if (jvm == null || !jvm.alive())
        {
            if (jvm != null)
            {
                jvm.close();
            }
            jvm = new SubjectJvm(subject, options.settingArguments());
            subjectJvms.put(subject, jvm);
        }
        return jvm;
    }

    private void closeSubjectJvms()
    {
        subjectJvms.values().forEach(SubjectJvm::close);
        subjectJvms.clear();
    }

    private static String describe(final RunResult result)
    {
        final StringBuilder text = new StringBuilder();
        result.values().forEach((metric, value) ->
            text.append(text.length() == 0 ? "" : ", ").append(metric.name()).append(' ').append(Figures.plain(value)));
        return text.toString();
    }

    private static String heading(final RunnerOptions options)
    {
        String host;
        try
        {
            host = InetAddress.getLocalHost().getHostName();
        }
        catch (final IOException ex)
        {
            host = "unknown host";
        }
        final WorkloadSettings settings = options.settings();
        return String.format(Locale.ROOT, "%s, %s (%d cores, %s %s), Java %s, -Xmx%d MiB; %d runs each, %.1f s measured " +
                "after %.1f s warm-up; depths %,d / %,d (drains of at most %.0f s), restart with %,d", LocalDate.now(), host,
            Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.version"),
            System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, options.runs(),
            settings.measureSeconds(), settings.warmupSeconds(), settings.shallowDepth(), settings.deepDepth(),
            settings.drainSeconds(), settings.restartDepth());
    }
}
