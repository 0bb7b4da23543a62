package dev.quire.jms;

import dev.quire.engine.Broker;
import dev.quire.store.record.DestinationKind;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XAQueueSession;
import jakarta.jms.XASession;
import jakarta.jms.XATopicConnection;
import jakarta.jms.XATopicSession;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A connection to the embedded broker of a data directory. It starts stopped (consumers receive nothing
 * until {@link #start()}), owns its sessions and temporary destinations, and releases its share of the
 * broker when closed.
 */
public final class QuireConnection implements Connection, QueueConnection, TopicConnection, XAQueueConnection,
    XATopicConnection, TemporaryDestinationOwner
{
    private static final AtomicLong IDS = new AtomicLong();
    private static final Set<String> CLIENT_IDS = ConcurrentHashMap.newKeySet();

    private final SharedBroker share;
    private final long id = IDS.incrementAndGet();
    private final String idPrefix = "ID:quire-" + UUID.randomUUID() + "-";
    private final AtomicLong messageIds = new AtomicLong();
    private final List<QuireSession> sessions = new CopyOnWriteArrayList<>();
    private final Set<QuireDestination> temporaries = ConcurrentHashMap.newKeySet();
    private final Object startLock = new Object();
    private final int prefetch;
    private volatile String clientId;
    private volatile boolean clientIdFixed;
    private volatile boolean started;
    private volatile boolean closed;
    private volatile ExceptionListener exceptionListener;

    /**
     * @param share         this connection's share of the broker.
     * @param adminClientId the client id the connection factory was configured with, or null.
     * @param prefetch      how many deliveries each of its consumers may hold before the application takes them.
     * @throws InvalidClientIDException when another connection uses the configured client id.
     */
    QuireConnection(final SharedBroker share, final String adminClientId, final int prefetch)
        throws InvalidClientIDException
    {
        this.share = share;
        this.prefetch = prefetch;
        if (adminClientId != null)
        {
            claimClientId(adminClientId);
        }
    }

    Broker broker()
    {
        return share.broker();
    }

    /**
     * @return how many deliveries each of its consumers may hold before the application takes them.
     */
    int prefetch()
    {
        return prefetch;
    }

    long id()
    {
        return id;
    }

    String nextMessageId()
    {
        return idPrefix + messageIds.incrementAndGet();
    }

    boolean isStarted()
    {
        return started;
    }

    /**
     * Waits until the connection is started or the deadline passes.
     *
     * @return true when started.
     */
    boolean awaitStarted(final long deadlineNanos) throws InterruptedException
    {
        if (started)
        {
            return true;
        }
        synchronized (startLock)
        {
            while (!started && !closed)
            {
                final long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0)
                {
                    return false;
                }
                startLock.wait(Math.max(1, remaining / 1_000_000), 0);
            }
            return started;
        }
    }

    @Override
    public Session createSession(final boolean transacted, final int acknowledgeMode) throws JMSException
    {
        return openSession(transacted, acknowledgeMode, false, SessionDomain.BOTH);
    }

    private QuireSession openSession(final boolean transacted, final int acknowledgeMode, final boolean xa,
        final SessionDomain domain) throws JMSException
    {
        checkOpen();
        fixClientId();
        final int mode = transacted ? Session.SESSION_TRANSACTED : acknowledgeMode;
        checkSessionMode(mode);
        final QuireSession session = new QuireSession(this, mode, xa, domain);
        sessions.add(session);
        return session;
    }

    /**
     * @throws JMSException unless the mode is transacted or one of the three acknowledge modes.
     */
    static void checkSessionMode(final int mode) throws JMSException
    {
        if (mode != Session.SESSION_TRANSACTED && mode != Session.AUTO_ACKNOWLEDGE && mode != Session.CLIENT_ACKNOWLEDGE &&
            mode != Session.DUPS_OK_ACKNOWLEDGE)
        {
            throw new JMSException("invalid session mode " + mode + "; use Session.SESSION_TRANSACTED, " +
                "AUTO_ACKNOWLEDGE, CLIENT_ACKNOWLEDGE or DUPS_OK_ACKNOWLEDGE");
        }
    }

    @Override
    public Session createSession(final int sessionMode) throws JMSException
    {
        return createSession(sessionMode == Session.SESSION_TRANSACTED, sessionMode);
    }

    @Override
    public Session createSession() throws JMSException
    {
        return createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @Override
    public QueueSession createQueueSession(final boolean transacted, final int acknowledgeMode) throws JMSException
    {
        return openSession(transacted, acknowledgeMode, false, SessionDomain.QUEUE);
    }

    @Override
    public TopicSession createTopicSession(final boolean transacted, final int acknowledgeMode) throws JMSException
    {
        return openSession(transacted, acknowledgeMode, false, SessionDomain.TOPIC);
    }

    @Override
    public XASession createXASession() throws JMSException
    {
        return openSession(false, Session.AUTO_ACKNOWLEDGE, true, SessionDomain.BOTH);
    }

    @Override
    public XAQueueSession createXAQueueSession() throws JMSException
    {
        return openSession(false, Session.AUTO_ACKNOWLEDGE, true, SessionDomain.QUEUE);
    }

    @Override
    public XATopicSession createXATopicSession() throws JMSException
    {
        return openSession(false, Session.AUTO_ACKNOWLEDGE, true, SessionDomain.TOPIC);
    }

    void sessionClosed(final QuireSession session)
    {
        sessions.remove(session);
    }

    @Override
    public String getClientID() throws JMSException
    {
        checkOpen();
        return clientId;
    }

    @Override
    public void setClientID(final String clientId) throws JMSException
    {
        checkOpen();
        if (clientIdFixed || this.clientId != null)
        {
            throw new jakarta.jms.IllegalStateException("the client id can only be set once, before the connection is " +
                "used" + (this.clientId == null ? "" : "; it is already '" + this.clientId + "'"));
        }
        if (clientId == null || clientId.isEmpty())
        {
            throw new InvalidClientIDException("a client id must not be null or empty");
        }
        claimClientId(clientId);
    }

    private void claimClientId(final String clientId) throws InvalidClientIDException
    {
        if (!CLIENT_IDS.add(clientId))
        {
            throw new InvalidClientIDException("client id '" + clientId + "' is already in use by another connection");
        }
        this.clientId = clientId;
        clientIdFixed = true;
    }

    String clientIdOrNull()
    {
        return clientId;
    }

    void fixClientId()
    {
        clientIdFixed = true;
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException
    {
        checkOpen();
        return QuireConnectionMetaData.INSTANCE;
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException
    {
        checkOpen();
        return exceptionListener;
    }

    @Override
    public void setExceptionListener(final ExceptionListener listener) throws JMSException
    {
        checkOpen();
        fixClientId();
        this.exceptionListener = listener;
    }

    /**
     * Tells the exception listener, if any, about a failure no caller would otherwise see.
     */
    void reportAsync(final JMSException failure)
    {
        final ExceptionListener listener = exceptionListener;
        if (listener != null)
        {
            listener.onException(failure);
        }
    }

    @Override
    public void start() throws JMSException
    {
        checkOpen();
        fixClientId();
        synchronized (startLock)
        {
            started = true;
            startLock.notifyAll();
        }
        for (final QuireSession session : sessions)
        {
            session.connectionStarted();
        }
    }

    @Override
    public void stop() throws JMSException
    {
        checkOpen();
        fixClientId();
        CallbackThreads.refuseStop(this, "stop its own connection");
        synchronized (startLock)
        {
            started = false;
        }
        for (final QuireSession session : sessions)
        {
            session.awaitListenerIdle();
            session.connectionStopped();
        }
    }

    @Override
    public void close() throws JMSException
    {
        if (closed)
        {
            return;
        }
        CallbackThreads.refuseClose(this, "close its own connection");
        JMSException failure = null;
        for (final QuireSession session : sessions)
        {
            try
            {
                session.close();
            }
            catch (final JMSException ex)
            {
                failure = failure == null ? ex : failure;
            }
        }
        for (final QuireDestination temporary : temporaries)
        {
            broker().deleteDestination(temporary.name());
        }
        temporaries.clear();
        synchronized (startLock)
        {
            closed = true;
            started = false;
            startLock.notifyAll();
        }
        if (clientId != null)
        {
            CLIENT_IDS.remove(clientId);
        }
        share.close();
        if (failure != null)
        {
            throw failure;
        }
    }

    boolean isClosed()
    {
        return closed;
    }

    void checkOpen() throws jakarta.jms.IllegalStateException
    {
        if (closed)
        {
            throw new jakarta.jms.IllegalStateException("the connection is closed");
        }
    }

    QuireTemporaryQueue createTemporaryQueue() throws JMSException
    {
        final QuireTemporaryQueue queue = new QuireTemporaryQueue(Broker.TEMPORARY_PREFIX + UUID.randomUUID(), this);
        createTemporary(queue);
        return queue;
    }

    QuireTemporaryTopic createTemporaryTopic() throws JMSException
    {
        final QuireTemporaryTopic topic = new QuireTemporaryTopic(Broker.TEMPORARY_PREFIX + UUID.randomUUID(), this);
        createTemporary(topic);
        return topic;
    }

    private void createTemporary(final QuireDestination destination) throws JMSException
    {
        checkOpen();
        try
        {
            broker().createTemporary(destination.isTopic() ? DestinationKind.TOPIC : DestinationKind.QUEUE,
                destination.name());
        }
        catch (final RuntimeException ex)
        {
            throw JmsExceptions.of(ex);
        }
        temporaries.add(destination);
    }

    boolean ownsTemporary(final QuireDestination destination)
    {
        return temporaries.contains(destination);
    }

    @Override
    public void deleteTemporary(final QuireDestination destination) throws JMSException
    {
        checkOpen();
        for (final QuireSession session : sessions)
        {
            if (session.consumes(destination))
            {
                throw new jakarta.jms.IllegalStateException("temporary destination " + destination + " still has consumers");
            }
        }
        try
        {
            broker().deleteDestination(destination.name());
        }
        catch (final RuntimeException ex)
        {
            throw JmsExceptions.of(ex);
        }
        temporaries.remove(destination);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(final Destination destination, final String messageSelector,
        final ServerSessionPool sessionPool, final int maxMessages) throws JMSException
    {
        throw noServerSessionPools();
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(final Topic topic, final String subscriptionName,
        final String messageSelector, final ServerSessionPool sessionPool, final int maxMessages) throws JMSException
    {
        throw noServerSessionPools();
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(final Topic topic, final String subscriptionName,
        final String messageSelector, final ServerSessionPool sessionPool, final int maxMessages) throws JMSException
    {
        throw noServerSessionPools();
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(final Topic topic, final String subscriptionName,
        final String messageSelector, final ServerSessionPool sessionPool, final int maxMessages) throws JMSException
    {
        throw noServerSessionPools();
    }

    @Override
    public jakarta.jms.ConnectionConsumer createConnectionConsumer(final jakarta.jms.Queue queue, final String messageSelector,
        final ServerSessionPool sessionPool, final int maxMessages) throws JMSException
    {
        throw noServerSessionPools();
    }

    @Override
    public jakarta.jms.ConnectionConsumer createConnectionConsumer(final Topic topic, final String messageSelector,
        final ServerSessionPool sessionPool, final int maxMessages) throws JMSException
    {
        throw noServerSessionPools();
    }

    /**
     * Connection consumers and server session pools are the optional application-server facility of the
     * specification; Quire's resource adapter delivers to message-driven beans through JCA instead.
     */
    private JMSException noServerSessionPools() throws JMSException
    {
        checkOpen();
        return new JMSException("connection consumers (ServerSessionPool) are an optional facility Quire does not " +
            "offer; in an application server use Quire's resource adapter for message-driven beans");
    }
}
