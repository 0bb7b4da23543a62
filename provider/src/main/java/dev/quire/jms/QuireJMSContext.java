package dev.quire.jms;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.XAJMSContext;

import javax.transaction.xa.XAResource;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simplified API's context: one connection (shared with contexts made from this one by
 * {@link #createContext(int)}) and one session. It starts the connection when its first consumer is
 * made, unless auto-start is turned off.
 */
final class QuireJMSContext implements XAJMSContext
{
    private final QuireConnection connection;
    private final AtomicInteger connectionUsers;
    private final int sessionMode;
    private final boolean xa;
    private QuireSession session;
    private volatile boolean autoStart = true;
    private volatile boolean closed;

    QuireJMSContext(final QuireConnection connection, final AtomicInteger connectionUsers, final int sessionMode)
    {
        this(connection, connectionUsers, sessionMode, false);
    }

    /**
     * @param xa true for an XA context, whose session belongs to the XA branches it is associated with.
     */
    QuireJMSContext(final QuireConnection connection, final AtomicInteger connectionUsers, final int sessionMode,
        final boolean xa)
    {
        this.connection = connection;
        this.connectionUsers = connectionUsers;
        this.sessionMode = xa ? SESSION_TRANSACTED : sessionMode;
        this.xa = xa;
        run(() -> QuireConnection.checkSessionMode(this.sessionMode));
    }

    /**
     * The context's session, made on first use so that the client id can still be set right after the
     * context is created.
     */
    private synchronized QuireSession session() throws JMSException
    {
        if (closed)
        {
            throw new jakarta.jms.IllegalStateException("the context is closed");
        }
        if (session == null)
        {
            session = (QuireSession)(xa ? connection.createXASession() : connection.createSession(sessionMode));
        }
        return session;
    }

    @Override
    public JMSContext getContext()
    {
        checkOpen();
        return this;
    }

    @Override
    public XAResource getXAResource()
    {
        checkOpen();
        return call(() -> session().getXAResource());
    }

    @Override
    public JMSContext createContext(final int sessionMode)
    {
        checkOpen();
        connectionUsers.incrementAndGet();
        return new QuireJMSContext(connection, connectionUsers, sessionMode);
    }

    @Override
    public JMSProducer createProducer()
    {
        checkOpen();
        return new QuireJMSProducer(this, call(() -> (QuireMessageProducer)session().createProducer(null)));
    }

    @Override
    public String getClientID()
    {
        return call(connection::getClientID);
    }

    @Override
    public void setClientID(final String clientId)
    {
        run(() -> connection.setClientID(clientId));
    }

    @Override
    public ConnectionMetaData getMetaData()
    {
        return call(connection::getMetaData);
    }

    @Override
    public ExceptionListener getExceptionListener()
    {
        return call(connection::getExceptionListener);
    }

    @Override
    public void setExceptionListener(final ExceptionListener listener)
    {
        run(() -> connection.setExceptionListener(listener));
    }

    @Override
    public void start()
    {
        run(connection::start);
    }

    @Override
    public void stop()
    {
        run(connection::stop);
    }

    @Override
    public void setAutoStart(final boolean autoStart)
    {
        checkOpen();
        this.autoStart = autoStart;
    }

    @Override
    public boolean getAutoStart()
    {
        checkOpen();
        return autoStart;
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        run(() ->
        {
            CallbackThreads.refuseClose(connection, "close its own context");
            closeSession();
            if (connectionUsers.decrementAndGet() == 0)
            {
                connection.close();
            }
        });
    }

    private synchronized void closeSession() throws JMSException
    {
        if (session != null)
        {
            session.close();
        }
        closed = true;
    }

    @Override
    public BytesMessage createBytesMessage()
    {
        return call(() -> session().createBytesMessage());
    }

    @Override
    public MapMessage createMapMessage()
    {
        return call(() -> session().createMapMessage());
    }

    @Override
    public Message createMessage()
    {
        return call(() -> session().createMessage());
    }

    @Override
    public ObjectMessage createObjectMessage()
    {
        return call(() -> session().createObjectMessage());
    }

    @Override
    public ObjectMessage createObjectMessage(final Serializable object)
    {
        return call(() -> session().createObjectMessage(object));
    }

    @Override
    public StreamMessage createStreamMessage()
    {
        return call(() -> session().createStreamMessage());
    }

    @Override
    public TextMessage createTextMessage()
    {
        return call(() -> session().createTextMessage());
    }

    @Override
    public TextMessage createTextMessage(final String text)
    {
        return call(() -> session().createTextMessage(text));
    }

    @Override
    public boolean getTransacted()
    {
        return call(() -> session().getTransacted());
    }

    @Override
    public int getSessionMode()
    {
        checkOpen();
        return sessionMode;
    }

    @Override
    public void commit()
    {
        run(() -> session().commit());
    }

    @Override
    public void rollback()
    {
        run(() -> session().rollback());
    }

    @Override
    public void recover()
    {
        run(() -> session().recover());
    }

    @Override
    public JMSConsumer createConsumer(final Destination destination)
    {
        return consumer(call(() -> session().createConsumer(destination)));
    }

    @Override
    public JMSConsumer createConsumer(final Destination destination, final String messageSelector)
    {
        return consumer(call(() -> session().createConsumer(destination, messageSelector)));
    }

    @Override
    public JMSConsumer createConsumer(final Destination destination, final String messageSelector, final boolean noLocal)
    {
        return consumer(call(() -> session().createConsumer(destination, messageSelector, noLocal)));
    }

    @Override
    public JMSConsumer createDurableConsumer(final Topic topic, final String name)
    {
        return consumer(call(() -> session().createDurableConsumer(topic, name)));
    }

    @Override
    public JMSConsumer createDurableConsumer(final Topic topic, final String name, final String messageSelector,
        final boolean noLocal)
    {
        return consumer(call(() -> session().createDurableConsumer(topic, name, messageSelector, noLocal)));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(final Topic topic, final String name)
    {
        return consumer(call(() -> session().createSharedDurableConsumer(topic, name)));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(final Topic topic, final String name, final String messageSelector)
    {
        return consumer(call(() -> session().createSharedDurableConsumer(topic, name, messageSelector)));
    }

    @Override
    public JMSConsumer createSharedConsumer(final Topic topic, final String sharedSubscriptionName)
    {
        return consumer(call(() -> session().createSharedConsumer(topic, sharedSubscriptionName)));
    }

    @Override
    public JMSConsumer createSharedConsumer(final Topic topic, final String sharedSubscriptionName,
        final String messageSelector)
    {
        return consumer(call(() -> session().createSharedConsumer(topic, sharedSubscriptionName, messageSelector)));
    }

    private JMSConsumer consumer(final jakarta.jms.MessageConsumer consumer)
    {
        if (autoStart)
        {
            start();
        }
        return new QuireJMSConsumer((QuireMessageConsumer)consumer);
    }

    @Override
    public QueueBrowser createBrowser(final Queue queue)
    {
        return call(() -> session().createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(final Queue queue, final String messageSelector)
    {
        return call(() -> session().createBrowser(queue, messageSelector));
    }

    @Override
    public Queue createQueue(final String queueName)
    {
        return call(() -> session().createQueue(queueName));
    }

    @Override
    public Topic createTopic(final String topicName)
    {
        return call(() -> session().createTopic(topicName));
    }

    @Override
    public TemporaryQueue createTemporaryQueue()
    {
        return call(() -> session().createTemporaryQueue());
    }

    @Override
    public TemporaryTopic createTemporaryTopic()
    {
        return call(() -> session().createTemporaryTopic());
    }

    @Override
    public void unsubscribe(final String name)
    {
        run(() -> session().unsubscribe(name));
    }

    @Override
    public void acknowledge()
    {
        run(() ->
        {
            session().checkOpen();
            if (sessionMode == CLIENT_ACKNOWLEDGE)
            {
                session().work().acknowledgeConsumed();
            }
        });
    }

    private void checkOpen()
    {
        if (closed)
        {
            throw new jakarta.jms.IllegalStateRuntimeException("the context is closed");
        }
    }

    static <T> T call(final JmsCall<T> call)
    {
        try
        {
            return call.call();
        }
        catch (final JMSException ex)
        {
            throw JmsExceptions.runtime(ex);
        }
    }

    static void run(final JmsAction action)
    {
        try
        {
            action.run();
        }
        catch (final JMSException ex)
        {
            throw JmsExceptions.runtime(ex);
        }
    }

    /**
     * A classic-API call that returns a value.
     *
     * @param <T> the value.
     */
    @FunctionalInterface
    interface JmsCall<T>
    {
        T call() throws JMSException;
    }

    /**
     * A classic-API call without a value.
     */
    @FunctionalInterface
    interface JmsAction
    {
        void run() throws JMSException;
    }
}
