package dev.quire.benchmarks.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much CPU other processes used while a run went on, from Linux's {@code /proc/stat} (all cores)
 * and {@code /proc/self/stat} (this JVM and the children it has waited for). Shared machines have busy
 * neighbours; a run measured beside one shows it here. Where {@code /proc} is missing, NaN.
 */
public final class NeighbourCpu
{
    private static final Path MACHINE = Path.of("/proc/stat");
    private static final Path SELF = Path.of("/proc/self/stat");

    private final long machineBusy;
    private final long machineTotal;
    private final long selfBusy;

    private NeighbourCpu(final long machineBusy, final long machineTotal, final long selfBusy)
    {
        this.machineBusy = machineBusy;
        this.machineTotal = machineTotal;
        this.selfBusy = selfBusy;
    }

    /**
     * @return the counters now.
     */
    public static NeighbourCpu sample()
    {
        try
        {
            final String[] cpu = Files.readAllLines(MACHINE).get(0).trim().split("\\s+");
            long busy = 0;
            long total = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++)
            {
                final long ticks = Long.parseLong(cpu[i]);
                total += ticks;
                if (i != 4 && i != 5)
                {
                    busy += ticks;
                }
            }
            final String self = Files.readString(SELF);
            final String[] fields = self.substring(self.lastIndexOf(')') + 2).trim().split("\\s+");
            long selfTicks = 0;
            for (int i = 11; i <= 14; i++)
            {
                selfTicks += Long.parseLong(fields[i]);
            }
            return new NeighbourCpu(busy, total, selfTicks);
        }
        catch (final IOException | RuntimeException ex)
        {
            return new NeighbourCpu(-1, -1, -1);
        }
    }

    /**
     * @param later a sample taken after this one.
     * @return the CPU other processes used between the two samples, in percent of all cores.
     */
    public double othersPercentUntil(final NeighbourCpu later)
    {
        final long total = later.machineTotal - machineTotal;
        if (machineTotal < 0 || later.machineTotal < 0 || total <= 0)
        {
            return Double.NaN;
        }
        final long others = (later.machineBusy - machineBusy) - (later.selfBusy - selfBusy);
        return Math.max(0, 100.0 * others / total);
    }
}
