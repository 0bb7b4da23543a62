package dev.quire.benchmarks.workload;

import javax.imageio.ImageIO;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Draws the results as a PNG with nothing but the JDK (headless AWT): one panel per workload and metric,
 * a bar per provider at its median with a whisker from the minimum to the maximum run.
 */
public final class ResultChart
{
    private static final int COLUMNS = 4;
    private static final int PANEL_WIDTH = 300;
    private static final int PANEL_HEIGHT = 230;
    private static final int HEADER = 64;
    private static final Map<String, Color> COLOURS = Map.of(
        QuireProvider.NAME, new Color(0x1f77b4),
        ArtemisProvider.DEFAULT_NAME, new Color(0xc7c7c7),
        ArtemisProvider.TUNED_NAME, new Color(0xff7f0e),
        Results.DISK, new Color(0x2ca02c));
    private static final Map<String, String> LABELS = Map.of(
        QuireProvider.NAME, "Quire",
        ArtemisProvider.DEFAULT_NAME, "Artemis",
        ArtemisProvider.TUNED_NAME, "Art. 50µs",
        Results.DISK, "disk");

    private final Results results;
    private final String heading;

    /**
     * @param results the run's results.
     * @param heading a line saying when and where the run was made.
     */
    public ResultChart(final Results results, final String heading)
    {
        this.results = results;
        this.heading = heading;
    }

    /**
     * @param file where to write the PNG; its directory is created.
     * @throws IOException when it cannot be written.
     */
    public void write(final Path file) throws IOException
    {
        System.setProperty("java.awt.headless", "true");
        final List<Panel> panels = panels();
        final int rows = Math.max(1, (panels.size() + COLUMNS - 1) / COLUMNS);
        final BufferedImage image = new BufferedImage(COLUMNS * PANEL_WIDTH, HEADER + rows * PANEL_HEIGHT,
            BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        try
        {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString("Quire vs ActiveMQ Artemis — median of runs, whiskers min–max", 12, 22);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            final int split = heading.indexOf("; ");
            g.drawString(split < 0 ? heading : heading.substring(0, split + 1), 12, 38);
            if (split >= 0)
            {
                g.drawString(heading.substring(split + 2), 12, 52);
            }
            for (int i = 0; i < panels.size(); i++)
            {
                draw(g, panels.get(i), (i % COLUMNS) * PANEL_WIDTH, HEADER + (i / COLUMNS) * PANEL_HEIGHT);
            }
        }
        finally
        {
            g.dispose();
        }
        final Path parent = file.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        ImageIO.write(image, "png", file.toFile());
    }

    /**
     * One panel: a workload's metric.
     */
    private record Panel(Workload workload, Metric metric)
    {
    }

    private List<Panel> panels()
    {
        final List<Panel> panels = new ArrayList<>();
        for (final Workload workload : results.workloads())
        {
            panels.add(new Panel(workload, workload.primaryMetric()));
            if ("W2".equals(workload.id()))
            {
                panels.add(new Panel(workload, Metric.P99));
            }
        }
        return panels;
    }

    private void draw(final Graphics2D g, final Panel panel, final int x, final int y)
    {
        final List<String> subjects = results.subjects(panel.workload().id());
        final List<RunStatistics> stats = new ArrayList<>();
        double top = 0;
        for (final String subject : subjects)
        {
            final RunStatistics s = results.statistics(panel.workload().id(), subject, panel.metric());
            stats.add(s);
            if (s.measured())
            {
                top = Math.max(top, s.max());
            }
        }
        top = top <= 0 ? 1 : top * 1.18;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.drawString(panel.workload().id() + "  " + panel.metric().name() +
            (panel.metric().higherIsBetter() ? " (higher = better)" : " (lower = better)"), x + 10, y + 18);
        final int plotLeft = x + 20;
        final int plotBottom = y + PANEL_HEIGHT - 30;
        final int plotHeight = PANEL_HEIGHT - 70;
        final int slot = (PANEL_WIDTH - 40) / Math.max(1, subjects.size());
        g.setColor(Color.GRAY);
        g.drawLine(plotLeft, plotBottom, x + PANEL_WIDTH - 20, plotBottom);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        final FontMetrics metrics = g.getFontMetrics();
        for (int i = 0; i < subjects.size(); i++)
        {
            final RunStatistics s = stats.get(i);
            final int barLeft = plotLeft + i * slot + slot / 5;
            final int barWidth = slot * 3 / 5;
            final int centre = barLeft + barWidth / 2;
            g.setColor(Color.BLACK);
            final String label = LABELS.getOrDefault(subjects.get(i), subjects.get(i));
            g.drawString(label, centre - metrics.stringWidth(label) / 2, plotBottom + 15);
            if (!s.measured())
            {
                continue;
            }
            final int barHeight = (int)Math.round(plotHeight * s.median() / top);
            g.setColor(COLOURS.getOrDefault(subjects.get(i), Color.DARK_GRAY));
            g.fillRect(barLeft, plotBottom - barHeight, barWidth, barHeight);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1.5f));
            final int low = plotBottom - (int)Math.round(plotHeight * s.min() / top);
            final int high = plotBottom - (int)Math.round(plotHeight * s.max() / top);
            g.drawLine(centre, low, centre, high);
            g.drawLine(centre - 5, low, centre + 5, low);
            g.drawLine(centre - 5, high, centre + 5, high);
            final String value = Figures.compact(s.median());
            g.drawString(value, centre - metrics.stringWidth(value) / 2, Math.min(high, plotBottom - barHeight) - 4);
        }
    }
}
