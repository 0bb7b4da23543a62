package dev.quire.jms.jndi;

import dev.quire.jms.QuireConfiguration;
import dev.quire.jms.QuireConnectionFactory;
import dev.quire.jms.QuireQueue;
import dev.quire.jms.QuireTopic;

import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the naming context of a Java SE application from its environment ({@code jndi.properties},
 * system properties or the {@code Hashtable} given to {@code InitialContext}):
 * <pre>
 * java.naming.factory.initial = dev.quire.jms.jndi.QuireInitialContextFactory
 * java.naming.provider.url    = quire:/var/lib/app/quire          (bound as "ConnectionFactory")
 * connectionFactory.Orders    = quire:/var/lib/app/quire?maxDeliveries=5
 * queue.jms/OrderQueue        = orders
 * topic.jms/Prices            = prices
 * quire.durability            = sync                               (added to every factory's URI)
 * </pre>
 * Names may hold any characters, {@code java:comp/env/jms/...} included. A bad URI or setting fails at
 * once, naming the entry.
 */
public final class QuireInitialContextFactory implements InitialContextFactory
{
    /** Entries binding a connection factory: {@code connectionFactory.<name> = <quire URI>}. */
    public static final String CONNECTION_FACTORY_PREFIX = "connectionFactory.";
    /** Entries binding a queue: {@code queue.<name> = <queue name>}. */
    public static final String QUEUE_PREFIX = "queue.";
    /** Entries binding a topic: {@code topic.<name> = <topic name>}. */
    public static final String TOPIC_PREFIX = "topic.";
    /** Entries adding a broker setting to every factory: {@code quire.<key> = <value>}. */
    public static final String SETTING_PREFIX = "quire.";
    /** The name the provider URL's factory is bound under. */
    public static final String DEFAULT_FACTORY_NAME = "ConnectionFactory";

    @Override
    public Context getInitialContext(final Hashtable<?, ?> environment) throws NamingException
    {
        final Map<String, String> entries = new TreeMap<>();
        environment.forEach((key, value) -> entries.put(String.valueOf(key), String.valueOf(value)));
        final Map<String, String> shared = new TreeMap<>();
        entries.forEach((key, value) ->
        {
            if (key.startsWith(SETTING_PREFIX))
            {
                shared.put(key.substring(SETTING_PREFIX.length()), value);
            }
        });
        final Map<String, Object> bindings = new LinkedHashMap<>();
        final String providerUrl = entries.get(Context.PROVIDER_URL);
        if (providerUrl != null && providerUrl.startsWith(QuireConfiguration.SCHEME))
        {
            bindings.put(DEFAULT_FACTORY_NAME, factory(Context.PROVIDER_URL, providerUrl, shared));
        }
        for (final Map.Entry<String, String> entry : entries.entrySet())
        {
            final String key = entry.getKey();
            if (key.startsWith(CONNECTION_FACTORY_PREFIX))
            {
                bindings.put(name(key, CONNECTION_FACTORY_PREFIX), factory(key, entry.getValue(), shared));
            }
            else if (key.startsWith(QUEUE_PREFIX))
            {
                bindings.put(name(key, QUEUE_PREFIX), new QuireQueue(entry.getValue()));
            }
            else if (key.startsWith(TOPIC_PREFIX))
            {
                bindings.put(name(key, TOPIC_PREFIX), new QuireTopic(entry.getValue()));
            }
        }
        return new ReadOnlyContext(bindings, new Hashtable<>(environment));
    }

    private static String name(final String key, final String prefix)
    {
        return key.substring(prefix.length());
    }

    private static QuireConnectionFactory factory(final String key, final String uri, final Map<String, String> shared)
        throws NamingException
    {
        try
        {
            final QuireConfiguration configuration = QuireConfiguration.parse(uri);
            final Map<String, String> settings = new TreeMap<>(shared);
            settings.putAll(configuration.settings());
            return new QuireConnectionFactory(QuireConfiguration.of(configuration.directory(), settings));
        }
        catch (final IllegalArgumentException ex)
        {
            final ConfigurationException failure = new ConfigurationException("JNDI entry '" + key + "': " + ex.getMessage());
            failure.setRootCause(ex);
            throw failure;
        }
    }
}
