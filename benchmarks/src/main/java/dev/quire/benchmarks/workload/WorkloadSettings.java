package dev.quire.benchmarks.workload;

/**
 * How long and how deep the workloads run, shared by all of them. Set with the fluent setters, then
 * {@link #conclude()} checks the values once before a run starts.
 */
public final class WorkloadSettings
{
    private double measureSeconds = 5;
    private double warmupSeconds = 1;
    private int shallowDepth = 10_000;
    private int deepDepth = 1_000_000;
    private int restartDepth = 1_000_000;
    private int fillBatch = 1_000;
    private double drainSeconds = 60;

    /**
     * @param seconds how long each measured phase of a timed workload sends.
     * @return this.
     */
    public WorkloadSettings measureSeconds(final double seconds)
    {
        measureSeconds = seconds;
        return this;
    }

    /**
     * @return how long each measured phase of a timed workload sends.
     */
    public double measureSeconds()
    {
        return measureSeconds;
    }

    /**
     * @param seconds how long the unmeasured warm-up phase before each measured phase sends.
     * @return this.
     */
    public WorkloadSettings warmupSeconds(final double seconds)
    {
        warmupSeconds = seconds;
        return this;
    }

    /**
     * @return how long the unmeasured warm-up phase before each measured phase sends.
     */
    public double warmupSeconds()
    {
        return warmupSeconds;
    }

    /**
     * @param depth the queue depth W4 drains as its shallow case (10,000 by default).
     * @return this.
     */
    public WorkloadSettings shallowDepth(final int depth)
    {
        shallowDepth = depth;
        return this;
    }

    /**
     * @return the queue depth W4 drains as its shallow case.
     */
    public int shallowDepth()
    {
        return shallowDepth;
    }

    /**
     * @param depth the queue depth W4 drains as its deep case (1,000,000 by default).
     * @return this.
     */
    public WorkloadSettings deepDepth(final int depth)
    {
        deepDepth = depth;
        return this;
    }

    /**
     * @return the queue depth W4 drains as its deep case.
     */
    public int deepDepth()
    {
        return deepDepth;
    }

    /**
     * @param depth the pending messages W9 restarts with (1,000,000 by default).
     * @return this.
     */
    public WorkloadSettings restartDepth(final int depth)
    {
        restartDepth = depth;
        return this;
    }

    /**
     * @return the pending messages W9 restarts with.
     */
    public int restartDepth()
    {
        return restartDepth;
    }

    /**
     * @param messages how many messages one transaction of a queue fill sends.
     * @return this.
     */
    public WorkloadSettings fillBatch(final int messages)
    {
        fillBatch = messages;
        return this;
    }

    /**
     * @return how many messages one transaction of a queue fill sends.
     */
    public int fillBatch()
    {
        return fillBatch;
    }

    /**
     * @param seconds the longest a drain of a filled queue may take; it stops there and reports the rate
     *                of what it drained, so a slow drain of a deep queue stays practical.
     * @return this.
     */
    public WorkloadSettings drainSeconds(final double seconds)
    {
        drainSeconds = seconds;
        return this;
    }

    /**
     * @return the longest a drain of a filled queue may take.
     */
    public double drainSeconds()
    {
        return drainSeconds;
    }

    /**
     * Checks the settings.
     *
     * @return this.
     * @throws IllegalArgumentException naming the first bad setting.
     */
    public WorkloadSettings conclude()
    {
        require(measureSeconds > 0, "measure seconds must be positive: " + measureSeconds);
        require(warmupSeconds >= 0, "warm-up seconds must not be negative: " + warmupSeconds);
        require(shallowDepth > 0, "the shallow depth must be positive: " + shallowDepth);
        require(deepDepth >= shallowDepth, "the deep depth must be at least the shallow depth: " + deepDepth);
        require(restartDepth > 0, "the restart depth must be positive: " + restartDepth);
        require(fillBatch > 0, "the fill batch must be positive: " + fillBatch);
        require(drainSeconds > 0, "the drain limit must be positive: " + drainSeconds);
        return this;
    }

    private static void require(final boolean condition, final String problem)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(problem);
        }
    }
}
