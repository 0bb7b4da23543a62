package dev.quire.jms;

import jakarta.jms.JMSException;
import jakarta.jms.XAConnection;
import jakarta.jms.XAConnectionFactory;
import jakarta.jms.XAJMSContext;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XAQueueConnectionFactory;
import jakarta.jms.XATopicConnection;
import jakarta.jms.XATopicConnectionFactory;

/**
 * A connection factory whose connections also make XA sessions, for transaction managers (Narayana, an
 * application server) that commit Quire and a database together.
 */
public class QuireXAConnectionFactory extends QuireConnectionFactory
    implements XAConnectionFactory, XAQueueConnectionFactory, XATopicConnectionFactory
{
    private static final long serialVersionUID = 1L;

    /**
     * @param uri a {@code quire:} URI.
     */
    public QuireXAConnectionFactory(final String uri)
    {
        super(uri);
    }

    /**
     * @param configuration the broker's configuration.
     */
    public QuireXAConnectionFactory(final QuireConfiguration configuration)
    {
        super(configuration);
    }

    @Override
    public XAConnection createXAConnection() throws JMSException
    {
        return (XAConnection)createConnection();
    }

    @Override
    public XAConnection createXAConnection(final String userName, final String password) throws JMSException
    {
        return (XAConnection)createConnection(userName, password);
    }

    @Override
    public XAQueueConnection createXAQueueConnection() throws JMSException
    {
        return (XAQueueConnection)createConnection();
    }

    @Override
    public XAQueueConnection createXAQueueConnection(final String userName, final String password) throws JMSException
    {
        return (XAQueueConnection)createConnection(userName, password);
    }

    @Override
    public XATopicConnection createXATopicConnection() throws JMSException
    {
        return (XATopicConnection)createConnection();
    }

    @Override
    public XATopicConnection createXATopicConnection(final String userName, final String password) throws JMSException
    {
        return (XATopicConnection)createConnection(userName, password);
    }

    @Override
    public XAJMSContext createXAContext()
    {
        return createXAContext(null, null);
    }

    @Override
    public XAJMSContext createXAContext(final String userName, final String password)
    {
        return openContext(userName, password, XAJMSContext.SESSION_TRANSACTED, true);
    }
}
