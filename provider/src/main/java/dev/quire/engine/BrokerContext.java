package dev.quire.engine;

import dev.quire.store.JournalContext;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SystemEpochClock;

import java.util.Objects;

/**
 * Every setting of a broker, checked once by {@link #conclude()} when the broker opens.
 */
public final class BrokerContext
{
    private JournalContext journal;
    private EpochClock clock = SystemEpochClock.INSTANCE;
    private RedeliveryPolicies redeliveryPolicies = new RedeliveryPolicies();
    private SelectorCompiler selectorCompiler = SelectorCompiler.NONE;
    private String expiryQueue;
    private long randomSeed = System.nanoTime();
    private int commandQueueCapacity = 64 * 1024;
    private long compactionIntervalMillis = 60_000;
    private double compactionMaxLiveFraction = 0.5;
    private boolean concluded;

    /**
     * @param journal the journal settings (data directory, durability...).
     * @return this.
     */
    public BrokerContext journal(final JournalContext journal)
    {
        this.journal = journal;
        return this;
    }

    /**
     * @return the journal settings.
     */
    public JournalContext journal()
    {
        return journal;
    }

    /**
     * @param clock the wall clock every time-based rule reads (TTL, delays); tests inject one.
     * @return this.
     */
    public BrokerContext clock(final EpochClock clock)
    {
        this.clock = clock;
        return this;
    }

    /**
     * @return the wall clock.
     */
    public EpochClock clock()
    {
        return clock;
    }

    /**
     * @param redeliveryPolicies the redelivery policies by destination pattern.
     * @return this.
     */
    public BrokerContext redeliveryPolicies(final RedeliveryPolicies redeliveryPolicies)
    {
        this.redeliveryPolicies = redeliveryPolicies;
        return this;
    }

    /**
     * @return the redelivery policies.
     */
    public RedeliveryPolicies redeliveryPolicies()
    {
        return redeliveryPolicies;
    }

    /**
     * @param selectorCompiler compiles the selectors of durable subscriptions when they are rebuilt.
     * @return this.
     */
    public BrokerContext selectorCompiler(final SelectorCompiler selectorCompiler)
    {
        this.selectorCompiler = selectorCompiler;
        return this;
    }

    /**
     * @return the selector compiler.
     */
    public SelectorCompiler selectorCompiler()
    {
        return selectorCompiler;
    }

    /**
     * @param expiryQueue where expired messages go, or null to drop them (the default).
     * @return this.
     */
    public BrokerContext expiryQueue(final String expiryQueue)
    {
        this.expiryQueue = expiryQueue;
        return this;
    }

    /**
     * @return where expired messages go, or null.
     */
    public String expiryQueue()
    {
        return expiryQueue;
    }

    /**
     * @param randomSeed the seed of the redelivery jitter; fixed in tests for reproducible runs.
     * @return this.
     */
    public BrokerContext randomSeed(final long randomSeed)
    {
        this.randomSeed = randomSeed;
        return this;
    }

    /**
     * @return the seed of the redelivery jitter.
     */
    public long randomSeed()
    {
        return randomSeed;
    }

    /**
     * @param commandQueueCapacity how many commands may wait for the engine (a power of two).
     * @return this.
     */
    public BrokerContext commandQueueCapacity(final int commandQueueCapacity)
    {
        this.commandQueueCapacity = commandQueueCapacity;
        return this;
    }

    /**
     * @return how many commands may wait for the engine.
     */
    public int commandQueueCapacity()
    {
        return commandQueueCapacity;
    }

    /**
     * @param compactionIntervalMillis how often the engine reclaims journal cycles that hold nothing it
     *                                 still needs (default one minute); 0 turns it off.
     * @return this.
     */
    public BrokerContext compactionIntervalMillis(final long compactionIntervalMillis)
    {
        this.compactionIntervalMillis = compactionIntervalMillis;
        return this;
    }

    /**
     * @return how often the engine compacts the journal, or 0 for never.
     */
    public long compactionIntervalMillis()
    {
        return compactionIntervalMillis;
    }

    /**
     * @param compactionMaxLiveFraction an old cycle whose live records are at most this share of it has
     *                                  them copied forward so it can be deleted (default 0.5).
     * @return this.
     */
    public BrokerContext compactionMaxLiveFraction(final double compactionMaxLiveFraction)
    {
        this.compactionMaxLiveFraction = compactionMaxLiveFraction;
        return this;
    }

    /**
     * @return the live share up to which an old cycle is copied forward.
     */
    public double compactionMaxLiveFraction()
    {
        return compactionMaxLiveFraction;
    }

    /**
     * Checks the settings once; called when the broker opens.
     *
     * @return this.
     */
    public BrokerContext conclude()
    {
        if (concluded)
        {
            return this;
        }
        Objects.requireNonNull(journal, "the journal settings must be set");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(redeliveryPolicies, "redeliveryPolicies");
        Objects.requireNonNull(selectorCompiler, "selectorCompiler");
        if (commandQueueCapacity < 16 || Integer.bitCount(commandQueueCapacity) != 1)
        {
            throw new IllegalArgumentException("commandQueueCapacity must be a power of two of at least 16 but was " +
                commandQueueCapacity);
        }
        if (compactionIntervalMillis < 0)
        {
            throw new IllegalArgumentException("compactionIntervalMillis must not be negative but was " +
                compactionIntervalMillis);
        }
        if (!(compactionMaxLiveFraction >= 0 && compactionMaxLiveFraction <= 1))
        {
            throw new IllegalArgumentException("compactionMaxLiveFraction must be 0..1 but was " +
                compactionMaxLiveFraction);
        }
        journal.conclude();
        concluded = true;
        return this;
    }
}
