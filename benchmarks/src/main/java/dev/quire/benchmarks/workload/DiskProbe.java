package dev.quire.benchmarks.workload;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A probe of what the disk allows, run in the same session as the workloads so that durable workloads
 * can be stated as a fraction of it: one durable write at a time, for the warm-up and then the measured
 * time, reporting writes per second and the latency of each. What the write is comes from an
 * {@link Opener}: {@link FsyncProbe}, {@link RawChronicleProbe} and {@link QuireSyncProbe} make them.
 */
public final class DiskProbe extends NamedWorkload
{
    private final Opener opener;

    /**
     * @param id     the probe's id in reports.
     * @param title  what it measures, in words.
     * @param opener prepares the write to repeat in a run's fresh directory.
     */
    public DiskProbe(final String id, final String title, final Opener opener)
    {
        super(id, title);
        this.opener = opener;
    }

    /**
     * One durable write, repeated.
     */
    public interface DurableWrite extends AutoCloseable
    {
        /**
         * Writes once and waits until it is on disk.
         *
         * @throws IOException when the disk fails.
         */
        void once() throws IOException;

        @Override
        void close() throws IOException;

        /**
         * @param once  writes once and waits until it is on disk.
         * @param close releases what the write uses.
         * @return the write made of the two.
         */
        static DurableWrite of(final IoAction once, final IoAction close)
        {
            return new DurableWrite()
            {
                @Override
                public void once() throws IOException
                {
                    once.run();
                }

                @Override
                public void close() throws IOException
                {
                    close.run();
                }
            };
        }
    }

    /**
     * A step of a durable write that may fail with the disk.
     */
    @FunctionalInterface
    public interface IoAction
    {
        /**
         * @throws IOException when the disk fails.
         */
        void run() throws IOException;
    }

    /**
     * Prepares the write a probe repeats.
     */
    @FunctionalInterface
    public interface Opener
    {
        /**
         * @param directory the run's fresh directory.
         * @return the write to repeat there.
         * @throws IOException when it cannot be prepared.
         */
        DurableWrite open(Path directory) throws IOException;
    }

    @Override
    public boolean usesProvider()
    {
        return false;
    }

    @Override
    public RunResult run(final WorkloadContext context) throws IOException
    {
        try (DurableWrite write = opener.open(context.directory()))
        {
            repeat(write, context.settings().warmupSeconds(), new LatencyRecorder());
            final LatencyRecorder latency = new LatencyRecorder();
            final long start = System.nanoTime();
            final long count = repeat(write, context.settings().measureSeconds(), latency);
            final long elapsed = System.nanoTime() - start;
            return new RunResult().put(Metric.THROUGHPUT, count * 1e9 / elapsed).putLatencies(latency);
        }
    }

    private static long repeat(final DurableWrite write, final double seconds, final LatencyRecorder latency)
        throws IOException
    {
        final long deadline = System.nanoTime() + (long)(seconds * 1e9);
        long count = 0;
        long now = System.nanoTime();
        while (now < deadline)
        {
            write.once();
            final long after = System.nanoTime();
            latency.record(after - now);
            now = after;
            count++;
        }
        return count;
    }
}
