package dev.quire.benchmarks.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Draws the report and the chart again from a CSV the runner wrote, without running anything:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.quire.benchmarks.workload.ResultRendering
 * workloads.csv workloads.md workloads.png}.
 */
public final class ResultRendering
{
    private ResultRendering()
    {
    }

    /**
     * @param args the CSV to read, the Markdown report and the PNG chart to write.
     * @throws IOException when a file cannot be read or written.
     */
    public static void main(final String[] args) throws IOException
    {
        if (args.length != 3)
        {
            System.err.println("usage: ResultRendering <results.csv> <report.md> <chart.png>");
            System.exit(2);
        }
        final Map.Entry<String, Results> read = ResultCsv.read(Path.of(args[0]));
        Files.writeString(Path.of(args[1]), new ResultReport(read.getValue(), read.getKey()).markdown());
        new ResultChart(read.getValue(), read.getKey()).write(Path.of(args[2]));
    }
}
