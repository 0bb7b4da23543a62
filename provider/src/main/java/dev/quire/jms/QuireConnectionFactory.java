package dev.quire.jms;

import dev.quire.jms.jndi.QuireObjectFactory;
import dev.quire.jms.security.Authenticator;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;

import javax.naming.Reference;
import javax.naming.Referenceable;

import java.io.Serializable;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The entry point: a connection factory for the embedded broker of one data directory, made from a
 * {@code quire:} URI such as {@code quire:/var/lib/app/quire?durability=sync}. The broker opens with the
 * first connection on its directory, is shared by every factory on it in this JVM, and closes with the
 * last connection.
 */
public class QuireConnectionFactory implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory,
    Serializable, Referenceable
{
    private static final long serialVersionUID = 1L;

    private final QuireConfiguration configuration;
    private transient volatile Authenticator authenticator;

    /**
     * @param uri a {@code quire:} URI.
     * @throws IllegalArgumentException naming the problem when the URI or a setting is invalid.
     */
    public QuireConnectionFactory(final String uri)
    {
        this(QuireConfiguration.parse(uri));
    }

    /**
     * @param configuration the broker's configuration.
     */
    public QuireConnectionFactory(final QuireConfiguration configuration)
    {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    /**
     * @return the configuration this factory opens its broker with.
     */
    public QuireConfiguration configuration()
    {
        return configuration;
    }

    @Override
    public Connection createConnection() throws JMSException
    {
        return open(null, null);
    }

    @Override
    public Connection createConnection(final String userName, final String password) throws JMSException
    {
        return open(userName, password);
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException
    {
        return open(null, null);
    }

    @Override
    public QueueConnection createQueueConnection(final String userName, final String password) throws JMSException
    {
        return open(userName, password);
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException
    {
        return open(null, null);
    }

    @Override
    public TopicConnection createTopicConnection(final String userName, final String password) throws JMSException
    {
        return open(userName, password);
    }

    @Override
    public JMSContext createContext()
    {
        return createContext(null, null, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(final String userName, final String password)
    {
        return createContext(userName, password, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(final int sessionMode)
    {
        return createContext(null, null, sessionMode);
    }

    @Override
    public JMSContext createContext(final String userName, final String password, final int sessionMode)
    {
        return openContext(userName, password, sessionMode, false);
    }

    /**
     * Opens a connection and a context that owns it; the connection closes again when the context
     * cannot be made.
     *
     * @param xa true for an XA context.
     */
    QuireJMSContext openContext(final String userName, final String password, final int sessionMode, final boolean xa)
    {
        final QuireConnection connection = QuireJMSContext.call(() -> open(userName, password));
        try
        {
            return new QuireJMSContext(connection, new AtomicInteger(1), sessionMode, xa);
        }
        catch (final JMSRuntimeException ex)
        {
            QuireJMSContext.run(connection::close);
            throw ex;
        }
    }

    /**
     * Checks the credentials, then opens a connection on the directory's broker.
     */
    QuireConnection open(final String userName, final String password) throws JMSException
    {
        Authenticator checker = authenticator;
        if (checker == null)
        {
            checker = configuration.authenticator();
            authenticator = checker;
        }
        checker.authenticate(userName, password);
        final SharedBroker share;
        try
        {
            share = BrokerRegistry.acquire(configuration);
        }
        catch (final RuntimeException ex)
        {
            throw JmsExceptions.of(ex);
        }
        try
        {
            return new QuireConnection(share, configuration.clientId(), configuration.prefetch());
        }
        catch (final JMSException | RuntimeException ex)
        {
            share.close();
            throw ex;
        }
    }

    @Override
    public Reference getReference()
    {
        return QuireObjectFactory.reference(getClass(), configuration.toUri());
    }

    @Override
    public String toString()
    {
        return "QuireConnectionFactory[" + configuration + "]";
    }
}
