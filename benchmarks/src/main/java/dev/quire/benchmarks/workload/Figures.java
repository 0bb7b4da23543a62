package dev.quire.benchmarks.workload;

import java.util.Locale;

/**
 * How numbers are written in the report and the chart.
 */
final class Figures
{
    private Figures()
    {
    }

    /**
     * @param value a measured value.
     * @return it with thousands separators and a sensible number of decimals; "–" for NaN.
     */
    static String plain(final double value)
    {
        if (Double.isNaN(value))
        {
            return "–";
        }
        final double magnitude = Math.abs(value);
        if (magnitude >= 100)
        {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10)
        {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * @param value a measured value.
     * @return it shortened with k or M, for labels.
     */
    static String compact(final double value)
    {
        final double magnitude = Math.abs(value);
        if (magnitude >= 1e6)
        {
            return String.format(Locale.ROOT, "%.2fM", value / 1e6);
        }
        if (magnitude >= 1e4)
        {
            return String.format(Locale.ROOT, "%.0fk", value / 1e3);
        }
        if (magnitude >= 1e3)
        {
            return String.format(Locale.ROOT, "%.1fk", value / 1e3);
        }
        return plain(value);
    }

    /**
     * @param ratio a ratio.
     * @return it as a percentage when below 2, else as a multiple ({@link #times}, which also says when
     *     it was not measured).
     */
    static String ratio(final double ratio)
    {
        return ratio < 2 ? String.format(Locale.ROOT, "%.0f %%", 100 * ratio) : times(ratio);
    }

    /**
     * @param ratio a ratio.
     * @return it as a multiple, for comparisons whose target is one ("3× Artemis"), however small.
     */
    static String times(final double ratio)
    {
        return Double.isNaN(ratio) ? "not measured" : String.format(Locale.ROOT, "%.2f×", ratio);
    }
}
