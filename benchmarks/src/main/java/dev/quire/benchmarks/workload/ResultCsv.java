package dev.quire.benchmarks.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every run's raw values as CSV ({@code workload,subject,run,metric,value}, the heading in a first
 * {@code #} line), so that a report and a chart can be drawn again without running anything.
 */
public final class ResultCsv
{
    private static final String HEADER = "workload,subject,run,metric,value";

    private ResultCsv()
    {
    }

    /**
     * @param results the results.
     * @param heading the line that says when and where they were measured.
     * @param file    where to write.
     * @throws IOException when it cannot be written.
     */
    public static void write(final Results results, final String heading, final Path file) throws IOException
    {
        final List<String> lines = new ArrayList<>(List.of("# " + heading, HEADER));
        for (final Workload workload : results.workloads())
        {
            for (final String subject : results.subjects(workload.id()))
            {
                final List<RunResult> runs = results.runs(workload.id(), subject);
                for (int run = 0; run < runs.size(); run++)
                {
                    for (final Map.Entry<Metric, Double> value : runs.get(run).values().entrySet())
                    {
                        lines.add(String.format(Locale.ROOT, "%s,%s,%d,%s,%s", workload.id(), subject, run + 1,
                            value.getKey().name(), value.getValue()));
                    }
                }
            }
        }
        Files.write(file, lines);
    }

    /**
     * @param file a file made by {@link #write(Results, String, Path)}.
     * @return its heading and results.
     * @throws IOException when it cannot be read.
     * @throws IllegalArgumentException when it names an unknown workload or metric.
     */
    public static Map.Entry<String, Results> read(final Path file) throws IOException
    {
        final List<String> lines = Files.readAllLines(file);
        final String heading = !lines.isEmpty() && lines.get(0).startsWith("# ") ? lines.get(0).substring(2) : "";
        final Map<String, RunResult> runs = new LinkedHashMap<>();
        final Map<String, String[]> keys = new LinkedHashMap<>();
        for (final String line : lines)
        {
            if (line.startsWith("#") || line.equals(HEADER) || line.isBlank())
            {
                continue;
            }
            final String[] fields = line.split(",", 5);
            final String key = fields[0] + ',' + fields[1] + ',' + fields[2];
            keys.putIfAbsent(key, fields);
            runs.computeIfAbsent(key, k -> new RunResult()).put(Metric.named(fields[3]), Double.parseDouble(fields[4]));
        }
        final Results results = new Results();
        for (final Map.Entry<String, RunResult> run : runs.entrySet())
        {
            final String[] fields = keys.get(run.getKey());
            results.add(WorkloadCatalogue.select(List.of(fields[0])).get(0), fields[1], run.getValue());
        }
        return Map.entry(heading, results);
    }
}
