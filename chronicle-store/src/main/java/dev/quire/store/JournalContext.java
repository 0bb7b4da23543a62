package dev.quire.store;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Every setting of a journal, validated once by {@link #conclude()} before the journal opens. Settings
 * can be given by setters or as text through {@link #apply(Map)}, where an unknown key or a bad value
 * fails with a message naming the key.
 */
public final class JournalContext
{
    /** Key of {@link #durability(Durability)}. */
    public static final String DURABILITY = "durability";
    /** Key of {@link #flushIntervalMillis(long)}. */
    public static final String FLUSH_INTERVAL = "flushIntervalMs";
    /** Key of {@link #rollCycle(RollCycle)}. */
    public static final String ROLL_CYCLE = "rollCycle";
    /** Key of {@link #blockSize(long)}. */
    public static final String BLOCK_SIZE = "blockSize";
    /** Key of {@link #maxRecordSize(int)}. */
    public static final String MAX_RECORD_SIZE = "maxRecordSize";
    /** Key of {@link #minFreeDiskBytes(long)}. */
    public static final String MIN_FREE_DISK = "minFreeDisk";

    /** The keys {@link #apply(Map)} understands. */
    public static final Set<String> KEYS =
        Set.of(DURABILITY, FLUSH_INTERVAL, ROLL_CYCLE, BLOCK_SIZE, MAX_RECORD_SIZE, MIN_FREE_DISK);

    private static final long MIB = 1024L * 1024L;
    private static final long MIN_BLOCK_SIZE = 64 * 1024;

    private Path directory;
    private Durability durability = Durability.SYNC;
    private long flushIntervalMillis = 10;
    private RollCycle rollCycle = RollCycle.HOURLY;
    private long blockSize = 64 * MIB;
    private int maxRecordSize = (int)(16 * MIB);
    private long minFreeDiskBytes = 256 * MIB;
    private LongSupplier clock = System::currentTimeMillis;
    private boolean concluded;

    /**
     * Sets the data directory; created when missing.
     *
     * @param directory the data directory.
     * @return this.
     */
    public JournalContext directory(final Path directory)
    {
        this.directory = directory;
        return this;
    }

    /**
     * @return the data directory.
     */
    public Path directory()
    {
        return directory;
    }

    /**
     * @param durability when an append counts as stored (default {@link Durability#SYNC}).
     * @return this.
     */
    public JournalContext durability(final Durability durability)
    {
        this.durability = durability;
        return this;
    }

    /**
     * @return when an append counts as stored.
     */
    public Durability durability()
    {
        return durability;
    }

    /**
     * @param flushIntervalMillis how often {@link Durability#ASYNC} forces the journal to disk (default 10).
     * @return this.
     */
    public JournalContext flushIntervalMillis(final long flushIntervalMillis)
    {
        this.flushIntervalMillis = flushIntervalMillis;
        return this;
    }

    /**
     * @return the {@link Durability#ASYNC} flush interval in milliseconds.
     */
    public long flushIntervalMillis()
    {
        return flushIntervalMillis;
    }

    /**
     * @param rollCycle how often a new cycle file starts (default {@link RollCycle#HOURLY}).
     * @return this.
     */
    public JournalContext rollCycle(final RollCycle rollCycle)
    {
        this.rollCycle = rollCycle;
        return this;
    }

    /**
     * @return how often a new cycle file starts.
     */
    public RollCycle rollCycle()
    {
        return rollCycle;
    }

    /**
     * @param blockSize the size of the memory-mapped chunks of a cycle file (default 64 MiB); a record
     *                  may be at most a quarter of it.
     * @return this.
     */
    public JournalContext blockSize(final long blockSize)
    {
        this.blockSize = blockSize;
        return this;
    }

    /**
     * @return the size of the memory-mapped chunks.
     */
    public long blockSize()
    {
        return blockSize;
    }

    /**
     * @param maxRecordSize the largest encoded record accepted (default 16 MiB).
     * @return this.
     */
    public JournalContext maxRecordSize(final int maxRecordSize)
    {
        this.maxRecordSize = maxRecordSize;
        return this;
    }

    /**
     * @return the largest encoded record accepted.
     */
    public int maxRecordSize()
    {
        return maxRecordSize;
    }

    /**
     * @param minFreeDiskBytes appends fail with {@link StoreException.Kind#FULL} when the disk has less free
     *                         space than this (default 256 MiB), so the journal never hits a full disk
     *                         while writing through memory-mapped pages.
     * @return this.
     */
    public JournalContext minFreeDiskBytes(final long minFreeDiskBytes)
    {
        this.minFreeDiskBytes = minFreeDiskBytes;
        return this;
    }

    /**
     * @return the free-space reserve in bytes.
     */
    public long minFreeDiskBytes()
    {
        return minFreeDiskBytes;
    }

    /**
     * @param clock the wall clock (epoch milliseconds) that decides the cycle of a record; tests inject one.
     * @return this.
     */
    public JournalContext clock(final LongSupplier clock)
    {
        this.clock = clock;
        return this;
    }

    /**
     * @return the wall clock.
     */
    public LongSupplier clock()
    {
        return clock;
    }

    /**
     * Applies settings given as text, for example from a URI query or a properties file.
     *
     * @param settings keys from {@link #KEYS} with their values.
     * @return this.
     * @throws IllegalArgumentException naming the key, for an unknown key or a bad value.
     */
    public JournalContext apply(final Map<String, String> settings)
    {
        for (final Map.Entry<String, String> setting : new LinkedHashMap<>(settings).entrySet())
        {
            final String key = setting.getKey();
            final String value = setting.getValue() == null ? "" : setting.getValue().trim();
            switch (key)
            {
                case DURABILITY -> durability(parseEnum(Durability.class, key, value));
                case FLUSH_INTERVAL -> flushIntervalMillis(parseLong(key, value));
                case ROLL_CYCLE -> rollCycle(parseEnum(RollCycle.class, key, value));
                case BLOCK_SIZE -> blockSize(parseLong(key, value));
                case MAX_RECORD_SIZE -> maxRecordSize((int)Math.min(Integer.MAX_VALUE, parseLong(key, value)));
                case MIN_FREE_DISK -> minFreeDiskBytes(parseLong(key, value));
                default -> throw new IllegalArgumentException(
                    "unknown journal setting '" + key + "'; known settings are " + new TreeSet<>(KEYS));
            }
        }
        return this;
    }

    /**
     * Checks every setting once; called by the journal when it opens. Calling it again does nothing.
     *
     * @return this.
     * @throws IllegalArgumentException naming the setting that is missing or out of range.
     */
    public JournalContext conclude()
    {
        if (concluded)
        {
            return this;
        }
        Objects.requireNonNull(directory, "the journal directory must be set");
        require(durability != null, DURABILITY, "must be set");
        require(rollCycle != null, ROLL_CYCLE, "must be set");
        require(clock != null, "clock", "must be set");
        require(flushIntervalMillis >= 1 && flushIntervalMillis <= 60_000, FLUSH_INTERVAL,
            "must be 1..60000 but was " + flushIntervalMillis);
        require(blockSize >= MIN_BLOCK_SIZE && Long.bitCount(blockSize) == 1, BLOCK_SIZE,
            "must be a power of two of at least 64 KiB but was " + blockSize);
        require(maxRecordSize >= 1024 && maxRecordSize <= blockSize / 4, MAX_RECORD_SIZE,
            "must be 1024.." + blockSize / 4 + " (a quarter of " + BLOCK_SIZE + ") but was " + maxRecordSize);
        require(minFreeDiskBytes >= 0, MIN_FREE_DISK, "must not be negative but was " + minFreeDiskBytes);
        concluded = true;
        return this;
    }

    private static void require(final boolean condition, final String key, final String problem)
    {
        if (!condition)
        {
            throw new IllegalArgumentException("journal setting '" + key + "' " + problem);
        }
    }

    private static long parseLong(final String key, final String value)
    {
        final String text = value.toLowerCase(Locale.ROOT);
        long multiplier = 1;
        String digits = text;
        if (text.endsWith("k") || text.endsWith("m") || text.endsWith("g"))
        {
            multiplier = text.endsWith("k") ? 1024L : text.endsWith("m") ? MIB : 1024L * MIB;
            digits = text.substring(0, text.length() - 1);
        }
        try
        {
            return Math.multiplyExact(Long.parseLong(digits), multiplier);
        }
        catch (final NumberFormatException | ArithmeticException ex)
        {
            throw new IllegalArgumentException("journal setting '" + key + "' must be a number but was '" + value + "'");
        }
    }

    private static <E extends Enum<E>> E parseEnum(final Class<E> type, final String key, final String value)
    {
        final String name = value.toUpperCase(Locale.ROOT).replace('-', '_');
        for (final E constant : type.getEnumConstants())
        {
            if (constant.name().equals(name))
            {
                return constant;
            }
        }
        final StringBuilder allowed = new StringBuilder();
        for (final E constant : type.getEnumConstants())
        {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException(
            "journal setting '" + key + "' must be one of " + allowed + " but was '" + value + "'");
    }
}
