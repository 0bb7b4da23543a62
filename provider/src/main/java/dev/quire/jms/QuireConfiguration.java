package dev.quire.jms;

import dev.quire.engine.BrokerContext;
import dev.quire.engine.RedeliveryPolicies;
import dev.quire.engine.RedeliveryPolicy;
import dev.quire.jms.security.Authenticator;
import dev.quire.jms.selector.JmsSelectorCompiler;
import dev.quire.store.JournalContext;

import java.io.Serializable;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one configuration model of a Quire broker, whatever the entry point (a {@code quire:} URI, JNDI
 * properties, resource-adapter properties): a data directory and text settings. Every key and value is
 * checked when the configuration is made, so a mistake fails at once with a message naming the key.
 * <p>
 * URI form: {@code quire:/var/lib/app/quire?durability=sync&maxDeliveries=5} (or {@code quire:relative/dir}).
 * The keys are those of the journal ({@link JournalContext#KEYS}) and of the broker listed in
 * {@link #BROKER_KEYS}; {@code docs/configuration.md} is their reference.
 */
public final class QuireConfiguration implements Serializable
{
    /** The URI scheme. */
    public static final String SCHEME = "quire:";
    /** Where expired messages go (default: dropped). */
    public static final String EXPIRY_QUEUE = "expiryQueue";
    /** How often the journal is compacted, in milliseconds; 0 for never. */
    public static final String COMPACTION_INTERVAL = "compactionIntervalMs";
    /** The live share up to which an old journal cycle is copied forward. */
    public static final String COMPACTION_MAX_LIVE_FRACTION = "compactionMaxLiveFraction";
    /** The default redelivery policy's first delay in milliseconds. */
    public static final String REDELIVERY_DELAY = "redeliveryDelayMs";
    /** The default redelivery policy's delay multiplier. */
    public static final String REDELIVERY_MULTIPLIER = "redeliveryMultiplier";
    /** The default redelivery policy's largest delay in milliseconds. */
    public static final String REDELIVERY_MAX_DELAY = "redeliveryMaxDelayMs";
    /** The default redelivery policy's jitter (0..1). */
    public static final String REDELIVERY_JITTER = "redeliveryJitter";
    /** The default redelivery policy's maximum delivery attempts; -1 for never dead-letter. */
    public static final String MAX_DELIVERIES = "maxDeliveries";
    /** The default redelivery policy's dead-letter queue (default {@code DLQ.<destination>}). */
    public static final String DEAD_LETTER_QUEUE = "deadLetterQueue";

    /** The users who may connect: {@code name:hash,name:hash} (hashes made by {@code PasswordHash}). */
    public static final String USERS = "users";
    /** Whether a connection without credentials is accepted (default: only when no users are configured). */
    public static final String ALLOW_ANONYMOUS = "allowAnonymous";

    /** The client id every connection made with this configuration gets (an administratively configured id). */
    public static final String CLIENT_ID = "clientId";
    /** How many deliveries each consumer may hold before its application takes them. */
    public static final String PREFETCH = "prefetch";
    /** The prefetch when none is configured. */
    public static final int DEFAULT_PREFETCH = 64;
    /** The largest prefetch accepted. */
    public static final int MAX_PREFETCH = 10_000;

    /** The connection keys. */
    public static final Set<String> CONNECTION_KEYS = Set.of(USERS, ALLOW_ANONYMOUS, CLIENT_ID, PREFETCH);

    /** The broker keys, besides the journal's. */
    public static final Set<String> BROKER_KEYS = Set.of(EXPIRY_QUEUE, COMPACTION_INTERVAL,
        COMPACTION_MAX_LIVE_FRACTION, REDELIVERY_DELAY, REDELIVERY_MULTIPLIER, REDELIVERY_MAX_DELAY,
        REDELIVERY_JITTER, MAX_DELIVERIES, DEAD_LETTER_QUEUE);

    private static final long serialVersionUID = 1L;

    private final String directory;
    private final Map<String, String> settings;

    private QuireConfiguration(final String directory, final Map<String, String> settings)
    {
        this.directory = directory;
        this.settings = Collections.unmodifiableMap(new TreeMap<>(settings));
        toBrokerContext();
        authenticator();
        if (clientId() != null && clientId().isBlank())
        {
            throw new IllegalArgumentException("Quire setting '" + CLIENT_ID + "' must not be blank");
        }
        prefetch();
    }

    /**
     * @return how many deliveries each consumer of a connection made with this configuration may hold
     *         before its application takes them: 1 to {@link #MAX_PREFETCH}, {@link #DEFAULT_PREFETCH} by
     *         default.
     * @throws IllegalArgumentException when the setting is out of range.
     */
    public int prefetch()
    {
        final long prefetch = wholeNumber(settings, PREFETCH, DEFAULT_PREFETCH, MAX_PREFETCH);
        if (prefetch < 1)
        {
            throw new IllegalArgumentException("Quire setting '" + PREFETCH + "' must be at least 1 but was " +
                prefetch);
        }
        return (int) prefetch;
    }

    /**
     * @return the client id configured for every connection, or null when applications set their own.
     */
    public String clientId()
    {
        return settings.get(CLIENT_ID);
    }

    /**
     * @return the authenticator of connections made with this configuration.
     */
    public Authenticator authenticator()
    {
        return Authenticator.of(settings.get(USERS), settings.get(ALLOW_ANONYMOUS));
    }

    /**
     * @param directory the data directory.
     * @param settings  keys from {@link JournalContext#KEYS} and {@link #BROKER_KEYS} with their values.
     * @return the checked configuration.
     * @throws IllegalArgumentException naming the key, for an unknown key or a bad value.
     */
    public static QuireConfiguration of(final Path directory, final Map<String, String> settings)
    {
        if (directory == null || directory.toString().isBlank())
        {
            throw new IllegalArgumentException("a Quire configuration needs a data directory");
        }
        return new QuireConfiguration(directory.toString(), settings);
    }

    /**
     * @param uri a {@code quire:} URI.
     * @return the checked configuration.
     * @throws IllegalArgumentException when the URI is malformed or names an unknown key or a bad value.
     */
    public static QuireConfiguration parse(final String uri)
    {
        if (uri == null || !uri.startsWith(SCHEME))
        {
            throw new IllegalArgumentException("a Quire URI starts with '" + SCHEME + "', like quire:/var/lib/app/quire" +
                "?durability=sync, but was '" + uri + "'");
        }
        final String rest = uri.substring(SCHEME.length());
        final int query = rest.indexOf('?');
        final String path = decode(query < 0 ? rest : rest.substring(0, query));
        final Map<String, String> settings = new TreeMap<>();
        if (query >= 0 && query < rest.length() - 1)
        {
            for (final String pair : rest.substring(query + 1).split("&"))
            {
                final int equals = pair.indexOf('=');
                if (equals <= 0)
                {
                    throw new IllegalArgumentException("setting '" + pair + "' in '" + uri + "' is not key=value");
                }
                final String key = decode(pair.substring(0, equals));
                if (settings.put(key, decode(pair.substring(equals + 1))) != null)
                {
                    throw new IllegalArgumentException("setting '" + key + "' appears twice in '" + uri + "'");
                }
            }
        }
        return of(Path.of(path.startsWith("//") ? path.substring(2) : path), settings);
    }

    private static String decode(final String text)
    {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /**
     * @return the data directory.
     */
    public Path directory()
    {
        return Path.of(directory);
    }

    /**
     * @return the settings, sorted by key.
     */
    public Map<String, String> settings()
    {
        return settings;
    }

    /**
     * @return the settings that shape the broker (all but the {@link #CONNECTION_KEYS}), sorted by key:
     * factories on one directory must agree on these.
     */
    public Map<String, String> brokerSettings()
    {
        final Map<String, String> broker = new TreeMap<>(settings);
        broker.keySet().removeAll(CONNECTION_KEYS);
        return broker;
    }

    /**
     * @return a new broker context with these settings.
     */
    public BrokerContext toBrokerContext()
    {
        final Map<String, String> journalSettings = new TreeMap<>();
        final Map<String, String> brokerSettings = new TreeMap<>();
        for (final Map.Entry<String, String> setting : settings.entrySet())
        {
            if (JournalContext.KEYS.contains(setting.getKey()))
            {
                journalSettings.put(setting.getKey(), setting.getValue());
            }
            else if (BROKER_KEYS.contains(setting.getKey()))
            {
                brokerSettings.put(setting.getKey(), setting.getValue().trim());
            }
            else if (!CONNECTION_KEYS.contains(setting.getKey()))
            {
                final Set<String> known = new TreeSet<>(JournalContext.KEYS);
                known.addAll(BROKER_KEYS);
                known.addAll(CONNECTION_KEYS);
                throw new IllegalArgumentException("unknown Quire setting '" + setting.getKey() + "'; known settings are " + known);
            }
        }
        final BrokerContext context = new BrokerContext()
            .journal(new JournalContext().directory(directory()).apply(journalSettings))
            .redeliveryPolicies(new RedeliveryPolicies().defaultPolicy(redeliveryPolicy(brokerSettings)))
            .selectorCompiler(JmsSelectorCompiler.INSTANCE)
            .expiryQueue(brokerSettings.get(EXPIRY_QUEUE));
        if (brokerSettings.containsKey(COMPACTION_INTERVAL))
        {
            context.compactionIntervalMillis(wholeNumber(brokerSettings, COMPACTION_INTERVAL, 0, Long.MAX_VALUE));
        }
        if (brokerSettings.containsKey(COMPACTION_MAX_LIVE_FRACTION))
        {
            context.compactionMaxLiveFraction(decimal(brokerSettings, COMPACTION_MAX_LIVE_FRACTION, 0));
        }
        try
        {
            return context.conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("invalid Quire configuration for " + directory + ": " + ex.getMessage(), ex);
        }
    }

    private static RedeliveryPolicy redeliveryPolicy(final Map<String, String> settings)
    {
        final RedeliveryPolicy defaults = RedeliveryPolicy.DEFAULT;
        final long initialDelay = wholeNumber(settings, REDELIVERY_DELAY, defaults.initialDelayMillis(), Long.MAX_VALUE);
        final double multiplier = decimal(settings, REDELIVERY_MULTIPLIER, defaults.multiplier());
        final long maxDelay = wholeNumber(settings, REDELIVERY_MAX_DELAY, defaults.maxDelayMillis(), Long.MAX_VALUE);
        final double jitter = decimal(settings, REDELIVERY_JITTER, defaults.jitter());
        final int maxDeliveries = (int)wholeNumber(settings, MAX_DELIVERIES, defaults.maxDeliveries(), Integer.MAX_VALUE);
        try
        {
            return new RedeliveryPolicy(initialDelay, multiplier, maxDelay, jitter, maxDeliveries,
                settings.getOrDefault(DEAD_LETTER_QUEUE, defaults.deadLetterQueue()));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("Quire redelivery settings are invalid: " + ex.getMessage(), ex);
        }
    }

    private static long wholeNumber(final Map<String, String> settings, final String key, final long fallback,
        final long max)
    {
        final String value = settings.get(key);
        if (value == null)
        {
            return fallback;
        }
        try
        {
            final long number = Long.parseLong(value);
            if (number > max || number < -max - 1)
            {
                throw new NumberFormatException("out of range");
            }
            return number;
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("Quire setting '" + key + "' must be a whole number up to " + max +
                " but was '" + value + "'");
        }
    }

    private static double decimal(final Map<String, String> settings, final String key, final double fallback)
    {
        final String value = settings.get(key);
        if (value == null)
        {
            return fallback;
        }
        try
        {
            final double number = Double.parseDouble(value);
            if (!Double.isFinite(number))
            {
                throw new NumberFormatException("not finite");
            }
            return number;
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("Quire setting '" + key + "' must be a number but was '" + value + "'");
        }
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof QuireConfiguration that && directory.equals(that.directory) && settings.equals(that.settings);
    }

    @Override
    public int hashCode()
    {
        return directory.hashCode() * 31 + settings.hashCode();
    }

    /**
     * @return the {@code quire:} URI that {@link #parse(String)} turns back into this configuration, its
     * values URL-encoded.
     */
    public String toUri()
    {
        final StringBuilder uri = new StringBuilder(SCHEME).append(encode(directory).replace("%2F", "/"));
        String separator = "?";
        for (final Map.Entry<String, String> setting : settings.entrySet())
        {
            uri.append(separator).append(encode(setting.getKey())).append('=').append(encode(setting.getValue()));
            separator = "&";
        }
        return uri.toString();
    }

    private static String encode(final String text)
    {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * @return the URI for people to read, with the password hashes of {@link #USERS} left out.
     */
    @Override
    public String toString()
    {
        final String uri = toUri();
        return settings.containsKey(USERS) ? uri.replace(encode(settings.get(USERS)), "(hidden)") : uri;
    }
}
