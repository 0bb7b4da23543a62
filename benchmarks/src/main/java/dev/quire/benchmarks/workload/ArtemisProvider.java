package dev.quire.benchmarks.workload;

import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import jakarta.jms.ConnectionFactory;

import java.nio.file.Path;

/**
 * Embedded ActiveMQ Artemis in this JVM: persistent NIO journal in the data directory, security
 * disabled, an in-VM acceptor, clients through {@code vm://0}. Either with every journal setting at its
 * default or with {@code journal-buffer-timeout} set, as an operator tuning for a fast disk would.
 * <p>
 * The client sets {@code confirmationWindowSize} so that a send with a {@code CompletionListener} is
 * completed when the broker has stored the message; without it Artemis calls the listener at once.
 */
public final class ArtemisProvider implements ProviderUnderTest
{
    /** The name of Artemis with its defaults. */
    public static final String DEFAULT_NAME = "artemis-default";
    /** The name of Artemis with a 50 µs journal buffer timeout. */
    public static final String TUNED_NAME = "artemis-tuned";
    /** The tuned journal buffer timeout: 50 µs. */
    public static final int TUNED_BUFFER_TIMEOUT_NANOS = 50_000;

    private static final String CLIENT_URL = "vm://0?confirmationWindowSize=1048576";

    private final String name;
    private final int bufferTimeoutNanos;

    private ArtemisProvider(final String name, final int bufferTimeoutNanos)
    {
        this.name = name;
        this.bufferTimeoutNanos = bufferTimeoutNanos;
    }

    /**
     * @return Artemis with every setting at its default.
     */
    public static ArtemisProvider withDefaults()
    {
        return new ArtemisProvider(DEFAULT_NAME, 0);
    }

    /**
     * @return Artemis with {@code journal-buffer-timeout} of {@value #TUNED_BUFFER_TIMEOUT_NANOS} ns.
     */
    public static ArtemisProvider tuned()
    {
        return new ArtemisProvider(TUNED_NAME, TUNED_BUFFER_TIMEOUT_NANOS);
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public RunningBroker start(final Path directory)
    {
        final Configuration configuration = new ConfigurationImpl()
            .setPersistenceEnabled(true)
            .setSecurityEnabled(false)
            .setJournalType(JournalType.NIO)
            .setJournalDirectory(directory.resolve("journal").toString())
            .setBindingsDirectory(directory.resolve("bindings").toString())
            .setPagingDirectory(directory.resolve("paging").toString())
            .setLargeMessagesDirectory(directory.resolve("large-messages").toString())
            .addAcceptorConfiguration(new TransportConfiguration(InVMAcceptorFactory.class.getName()));
        if (bufferTimeoutNanos > 0)
        {
            configuration.setJournalBufferTimeout_NIO(bufferTimeoutNanos);
        }
        final EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(configuration);
        try
        {
            server.start();
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(name + " did not start on " + directory, ex);
        }
        return new Started(server, new ActiveMQConnectionFactory(CLIENT_URL));
    }

    /**
     * A running embedded server and its client factory.
     */
    private static final class Started implements RunningBroker
    {
        private final EmbeddedActiveMQ server;
        private final ActiveMQConnectionFactory factory;

        Started(final EmbeddedActiveMQ server, final ActiveMQConnectionFactory factory)
        {
            this.server = server;
            this.factory = factory;
        }

        @Override
        public ConnectionFactory connectionFactory()
        {
            return factory;
        }

        @Override
        public void close()
        {
            factory.close();
            try
            {
                server.stop();
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException("Artemis did not stop", ex);
            }
        }
    }
}
