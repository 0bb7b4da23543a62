package dev.quire.jms;

import dev.quire.engine.Broker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The brokers running in this JVM, one per data directory: every connection factory on a directory
 * shares its broker, which opens with the first user and closes with the last. Two users that ask for
 * different settings on the same directory are refused, since one journal cannot honour both.
 */
public final class BrokerRegistry
{
    private static final Map<Path, Running> RUNNING = new HashMap<>();

    private BrokerRegistry()
    {
    }

    /**
     * Opens the broker of a configuration's directory, or joins it when it is already running.
     *
     * @param configuration what to run.
     * @return a handle to close when done with the broker.
     * @throws IllegalStateException when the directory's broker runs with other settings.
     */
    public static SharedBroker acquire(final QuireConfiguration configuration)
    {
        final Path key = configuration.directory().toAbsolutePath().normalize();
        synchronized (RUNNING)
        {
            Running running = RUNNING.get(key);
            if (running == null)
            {
                running = new Running(Broker.open(configuration.toBrokerContext()), configuration);
                RUNNING.put(key, running);
            }
            else if (!running.configuration.brokerSettings().equals(configuration.brokerSettings()))
            {
                throw new IllegalStateException("the broker on " + key + " already runs with settings " +
                    running.configuration.brokerSettings() + "; this factory asks for " + configuration.brokerSettings());
            }
            running.users++;
            return new SharedBroker(key, running.broker);
        }
    }

    /**
     * Gives up one share of a directory's broker; the last one closes it. The close happens under the
     * registry's lock, so a factory opening the directory at the same moment waits for the old broker to
     * let go of the directory instead of finding it still locked.
     */
    static void release(final Path key)
    {
        synchronized (RUNNING)
        {
            final Running running = RUNNING.get(key);
            if (running == null || --running.users > 0)
            {
                return;
            }
            RUNNING.remove(key);
            running.broker.close();
        }
    }

    /**
     * A broker in use, and how many users share it.
     */
    private static final class Running
    {
        final Broker broker;
        final QuireConfiguration configuration;
        int users;

        Running(final Broker broker, final QuireConfiguration configuration)
        {
            this.broker = broker;
            this.configuration = configuration;
        }
    }
}
