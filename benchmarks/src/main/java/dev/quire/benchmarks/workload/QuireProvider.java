package dev.quire.benchmarks.workload;

import dev.quire.jms.QuireConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;

import java.nio.file.Path;

/**
 * Quire with {@code sync} durability: a persistent send returns once its record is on disk. The broker
 * opens with the first connection on a directory and closes with the last, so the started broker holds
 * one connection of its own for as long as it runs, like a broker process would stay up between clients.
 */
public final class QuireProvider implements ProviderUnderTest
{
    /** The provider's name. */
    public static final String NAME = "quire";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public RunningBroker start(final Path directory)
    {
        final QuireConnectionFactory factory = new QuireConnectionFactory("quire:" + directory + "?durability=sync");
        try
        {
            return new Started(factory, factory.createConnection());
        }
        catch (final JMSException ex)
        {
            throw new IllegalStateException("Quire did not start on " + directory, ex);
        }
    }

    /**
     * A Quire broker kept open by its own connection.
     */
    private static final class Started implements RunningBroker
    {
        private final ConnectionFactory factory;
        private final Connection anchor;

        Started(final ConnectionFactory factory, final Connection anchor)
        {
            this.factory = factory;
            this.anchor = anchor;
        }

        @Override
        public ConnectionFactory connectionFactory()
        {
            return factory;
        }

        @Override
        public void close()
        {
            try
            {
                anchor.close();
            }
            catch (final JMSException ex)
            {
                throw new IllegalStateException("Quire did not close", ex);
            }
        }
    }
}
