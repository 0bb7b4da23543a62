package dev.quire.benchmarks.workload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The runner's command line: {@code --runs 3 --seconds 5 --warmup 1 --workloads W1,W4 --providers
 * quire,artemis-tuned --shallow 10000 --deep 1000000 --restart 1000000 --fill-batch 1000 --drain-seconds 60
 * --fork yes --report workloads.md --chart workloads.png --csv workloads.csv}; every option has a default.
 */
public final class RunnerOptions
{
    /** What {@code --help} prints. */
    public static final String USAGE = String.join("\n",
        "java <Quire JVM flags> -cp benchmarks/target/benchmarks.jar dev.quire.benchmarks.workload.WorkloadRunner [options]",
        "  --runs N          runs of each workload per provider, alternating providers (default 3)",
        "  --seconds S       measured seconds of each timed workload run (default 5)",
        "  --warmup S        unmeasured warm-up seconds before each (default 1)",
        "  --workloads LIST  e.g. P1,P2,W1,W4 (W4 = W4, W4-shallow, W4-deep; default: all)",
        "  --providers LIST  from " + Providers.NAMES + " (default: all)",
        "  --shallow N       W4-shallow depth (default 10000)",
        "  --deep N          W4-deep depth (default 1000000)",
        "  --restart N       W9 pending messages (default 1000000)",
        "  --fill-batch N    messages per transaction when filling a queue (default 1000)",
        "  --drain-seconds S longest drain of a filled queue; the rate is of what it drained (default 60)",
        "  --fork yes|no     each provider (and the disk probes) in a JVM of its own, with this one's flags, so",
        "                    that the providers do not measure each other (default yes); no: all in this JVM",
        "  --report FILE     Markdown report (default workloads.md)",
        "  --chart FILE      PNG chart (default workloads.png)",
        "  --csv FILE        every run's values, to redraw with ResultRendering (default workloads.csv)",
        "Data directories go under -Dquire.bench.dir (default: the temporary directory).");

    /** The options that shape a run, which are passed on to a subject's own JVM. */
    private static final Set<String> SETTING_OPTIONS = Set.of("--seconds", "--warmup", "--shallow", "--deep",
        "--restart", "--fill-batch", "--drain-seconds");

    private final WorkloadSettings settings = new WorkloadSettings();
    private final List<String> settingArguments = new ArrayList<>();
    private boolean fork = true;
    private int runs = 3;
    private List<Workload> workloads = WorkloadCatalogue.all();
    private List<ProviderUnderTest> providers = Providers.NAMES.stream().map(Providers::named).toList();
    private Path report = Path.of("workloads.md");
    private Path chart = Path.of("workloads.png");
    private Path csv = Path.of("workloads.csv");

    private RunnerOptions()
    {
    }

    /**
     * @param args the command line.
     * @return the options.
     * @throws IllegalArgumentException naming a bad option or value.
     */
    public static RunnerOptions parse(final String... args)
    {
        final RunnerOptions options = new RunnerOptions();
        for (int i = 0; i < args.length; i += 2)
        {
            if (i + 1 >= args.length)
            {
                throw new IllegalArgumentException("option " + args[i] + " needs a value\n" + USAGE);
            }
            options.apply(args[i], args[i + 1]);
            if (SETTING_OPTIONS.contains(args[i]))
            {
                options.settingArguments.add(args[i]);
                options.settingArguments.add(args[i + 1]);
            }
        }
        if (options.runs < 1)
        {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
        options.settings.conclude();
        return options;
    }

    private void apply(final String option, final String value)
    {
        switch (option)
        {
            case "--runs" -> runs = Integer.parseInt(value);
            case "--seconds" -> settings.measureSeconds(Double.parseDouble(value));
            case "--warmup" -> settings.warmupSeconds(Double.parseDouble(value));
            case "--workloads" -> workloads = WorkloadCatalogue.select(list(value));
            case "--providers" -> providers = list(value).stream().map(Providers::named).toList();
            case "--shallow" -> settings.shallowDepth(Integer.parseInt(value));
            case "--deep" -> settings.deepDepth(Integer.parseInt(value));
            case "--restart" -> settings.restartDepth(Integer.parseInt(value));
            case "--fill-batch" -> settings.fillBatch(Integer.parseInt(value));
            case "--drain-seconds" -> settings.drainSeconds(Double.parseDouble(value));
            case "--report" -> report = Path.of(value);
            case "--chart" -> chart = Path.of(value);
            case "--csv" -> csv = Path.of(value);
            case "--fork" -> fork = yesOrNo(option, value);
            default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
        }
    }

    private static boolean yesOrNo(final String option, final String value)
    {
        return switch (value)
        {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalArgumentException(option + " takes yes or no, not '" + value + "'");
        };
    }

    private static List<String> list(final String value)
    {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * @return runs of each workload per provider.
     */
    public int runs()
    {
        return runs;
    }

    /**
     * @return true to run each subject in a JVM of its own.
     */
    public boolean fork()
    {
        return fork;
    }

    /**
     * @return the options given that shape a run (seconds, warm-up, depths...), as given.
     */
    public List<String> settingArguments()
    {
        return List.copyOf(settingArguments);
    }

    /**
     * @return the workload settings.
     */
    public WorkloadSettings settings()
    {
        return settings;
    }

    /**
     * @return the workloads to run, in order.
     */
    public List<Workload> workloads()
    {
        return workloads;
    }

    /**
     * @return the providers to run them against.
     */
    public List<ProviderUnderTest> providers()
    {
        return providers;
    }

    /**
     * @return where to write the Markdown report.
     */
    public Path report()
    {
        return report;
    }

    /**
     * @return where to write every run's values.
     */
    public Path csv()
    {
        return csv;
    }

    /**
     * @return where to write the PNG chart.
     */
    public Path chart()
    {
        return chart;
    }
}
