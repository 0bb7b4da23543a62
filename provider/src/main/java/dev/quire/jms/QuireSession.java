package dev.quire.jms;

import dev.quire.engine.Broker;
import dev.quire.jms.message.QuireBytesMessage;
import dev.quire.jms.message.QuireMapMessage;
import dev.quire.jms.message.QuireMessage;
import dev.quire.jms.message.QuireObjectMessage;
import dev.quire.jms.message.QuireStreamMessage;
import dev.quire.jms.message.QuireTextMessage;
import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import jakarta.jms.XAQueueSession;
import jakarta.jms.XATopicSession;

import javax.transaction.xa.XAResource;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A session: a single-threaded context for producing and consuming, with its acknowledge mode or local
 * transaction. What the application consumed is acknowledged as the mode says by the session's
 * {@link SessionWork}. Message listeners run on the session's own delivery thread; completion listeners
 * of asynchronous sends on another thread of its own.
 */
public final class QuireSession implements Session, QueueSession, TopicSession, XAQueueSession, XATopicSession
{
    private final QuireConnection connection;
    private final SessionDomain domain;
    private final int acknowledgeMode;
    private final long sessionId;
    private final List<QuireMessageConsumer> consumers = new CopyOnWriteArrayList<>();
    private final List<QuireMessageProducer> producers = new CopyOnWriteArrayList<>();
    private final Object deliveryLock = new Object();
    private final boolean xa;
    private final SessionWork work;
    private final QuireXAResource xaResource;
    private volatile boolean closed;
    private volatile ListenerDispatcher dispatcher;
    private final SendCompletions completions;

    /**
     * @param xa     true for the session of an XA session: transacted by the XA branch it is associated with,
     *               acknowledging automatically while it is associated with none.
     * @param domain the domain it was made for; a queue or topic session refuses the other one's methods.
     */
    QuireSession(final QuireConnection connection, final int acknowledgeMode, final boolean xa,
        final SessionDomain domain) throws JMSException
    {
        this.connection = connection;
        this.acknowledgeMode = acknowledgeMode;
        this.xa = xa;
        this.domain = domain;
        this.xaResource = xa ? new QuireXAResource(this) : null;
        try
        {
            this.sessionId = connection.broker().openSession();
            this.work = new SessionWork(this, connection.broker(), sessionId, acknowledgeMode, xa);
            this.completions = new SendCompletions(this, "quire-send-completions-" + sessionId);
        }
        catch (final RuntimeException ex)
        {
            throw JmsExceptions.of(ex);
        }
    }

    Broker broker()
    {
        return connection.broker();
    }

    QuireConnection connection()
    {
        return connection;
    }

    long sessionId()
    {
        return sessionId;
    }

    /**
     * @return the session's unit of work: what it consumed and the transaction it works in.
     */
    SessionWork work()
    {
        return work;
    }

    // ---- XA ----------------------------------------------------------------------------------------

    @Override
    public Session getSession() throws JMSException
    {
        checkOpen();
        return this;
    }

    @Override
    public QueueSession getQueueSession() throws JMSException
    {
        checkOpen();
        return this;
    }

    @Override
    public TopicSession getTopicSession() throws JMSException
    {
        checkOpen();
        return this;
    }

    @Override
    public XAResource getXAResource()
    {
        if (xaResource == null)
        {
            throw new java.lang.IllegalStateException("only an XA session has an XAResource");
        }
        return xaResource;
    }

    // ---- messages ----------------------------------------------------------------------------------

    @Override
    public BytesMessage createBytesMessage() throws JMSException
    {
        checkOpen();
        return new QuireBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException
    {
        checkOpen();
        return new QuireMapMessage();
    }

    @Override
    public Message createMessage() throws JMSException
    {
        checkOpen();
        return new QuireMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException
    {
        checkOpen();
        return new QuireObjectMessage();
    }

    @Override
    public ObjectMessage createObjectMessage(final Serializable object) throws JMSException
    {
        final ObjectMessage message = createObjectMessage();
        message.setObject(object);
        return message;
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException
    {
        checkOpen();
        return new QuireStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException
    {
        checkOpen();
        return new QuireTextMessage();
    }

    @Override
    public TextMessage createTextMessage(final String text) throws JMSException
    {
        final TextMessage message = createTextMessage();
        message.setText(text);
        return message;
    }

    // ---- transactions and acknowledgement ----------------------------------------------------------

    @Override
    public boolean getTransacted() throws JMSException
    {
        checkOpen();
        return xa || acknowledgeMode == SESSION_TRANSACTED;
    }

    @Override
    public int getAcknowledgeMode() throws JMSException
    {
        checkOpen();
        return xa ? SESSION_TRANSACTED : acknowledgeMode;
    }

    @Override
    public void commit() throws JMSException
    {
        checkOpen();
        refuseInXa("commit");
        CallbackThreads.refuseFromCompletion(this, "commit its own session");
        requireTransacted("commit");
        work.commit();
    }

    @Override
    public void rollback() throws JMSException
    {
        checkOpen();
        refuseInXa("roll back");
        CallbackThreads.refuseFromCompletion(this, "roll back its own session");
        requireTransacted("roll back");
        work.rollback();
    }

    @Override
    public void recover() throws JMSException
    {
        checkOpen();
        if (acknowledgeMode == SESSION_TRANSACTED)
        {
            throw new jakarta.jms.IllegalStateException("recover() is not allowed in a transacted session");
        }
        work.recover();
    }

    private void refuseInXa(final String what) throws JMSException
    {
        if (xa)
        {
            throw new jakarta.jms.TransactionInProgressException("cannot " + what + " an XA session: its transaction " +
                "manager commits or rolls back through its XAResource");
        }
    }

    private void requireTransacted(final String what) throws JMSException
    {
        if (acknowledgeMode != SESSION_TRANSACTED)
        {
            throw new jakarta.jms.IllegalStateException("cannot " + what + ": the session is not transacted");
        }
    }

    // ---- producers and consumers -------------------------------------------------------------------

    @Override
    public MessageProducer createProducer(final Destination destination) throws JMSException
    {
        checkOpen();
        final QuireMessageProducer producer = new QuireMessageProducer(this,
            destination == null ? null : QuireDestination.of(destination));
        producers.add(producer);
        return producer;
    }

    @Override
    public QueueSender createSender(final Queue queue) throws JMSException
    {
        return (QueueSender)createProducer(queue);
    }

    @Override
    public TopicPublisher createPublisher(final Topic topic) throws JMSException
    {
        return (TopicPublisher)createProducer(topic);
    }

    void producerClosed(final QuireMessageProducer producer)
    {
        producers.remove(producer);
    }

    @Override
    public MessageConsumer createConsumer(final Destination destination) throws JMSException
    {
        return createConsumer(destination, null, false);
    }

    @Override
    public MessageConsumer createConsumer(final Destination destination, final String messageSelector) throws JMSException
    {
        return createConsumer(destination, messageSelector, false);
    }

    @Override
    public MessageConsumer createConsumer(final Destination destination, final String messageSelector,
        final boolean noLocal) throws JMSException
    {
        checkOpen();
        return addConsumer(ConsumerRequest.plain(this, requireDestination(destination), messageSelector, noLocal));
    }

    @Override
    public QueueReceiver createReceiver(final Queue queue) throws JMSException
    {
        return (QueueReceiver)createConsumer(queue);
    }

    @Override
    public QueueReceiver createReceiver(final Queue queue, final String messageSelector) throws JMSException
    {
        return (QueueReceiver)createConsumer(queue, messageSelector);
    }

    @Override
    public TopicSubscriber createSubscriber(final Topic topic) throws JMSException
    {
        return (TopicSubscriber)createConsumer(topic);
    }

    @Override
    public TopicSubscriber createSubscriber(final Topic topic, final String messageSelector, final boolean noLocal)
        throws JMSException
    {
        return (TopicSubscriber)createConsumer(topic, messageSelector, noLocal);
    }

    @Override
    public MessageConsumer createSharedConsumer(final Topic topic, final String sharedSubscriptionName) throws JMSException
    {
        return createSharedConsumer(topic, sharedSubscriptionName, null);
    }

    @Override
    public MessageConsumer createSharedConsumer(final Topic topic, final String sharedSubscriptionName,
        final String messageSelector) throws JMSException
    {
        checkOpen();
        domain.requireTopics("create a shared subscription");
        return addConsumer(ConsumerRequest.shared(this, requireTopic(topic), sharedSubscriptionName, messageSelector, false));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(final Topic topic, final String name) throws JMSException
    {
        return createDurableSubscriber(topic, name, null, false);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(final Topic topic, final String name, final String messageSelector,
        final boolean noLocal) throws JMSException
    {
        return (TopicSubscriber)createDurableConsumer(topic, name, messageSelector, noLocal);
    }

    @Override
    public MessageConsumer createDurableConsumer(final Topic topic, final String name) throws JMSException
    {
        return createDurableConsumer(topic, name, null, false);
    }

    @Override
    public MessageConsumer createDurableConsumer(final Topic topic, final String name, final String messageSelector,
        final boolean noLocal) throws JMSException
    {
        checkOpen();
        domain.requireTopics("create a durable subscription");
        return addConsumer(ConsumerRequest.durable(this, requireTopic(topic), name, messageSelector, noLocal));
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(final Topic topic, final String name) throws JMSException
    {
        return createSharedDurableConsumer(topic, name, null);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(final Topic topic, final String name, final String messageSelector)
        throws JMSException
    {
        checkOpen();
        domain.requireTopics("create a shared durable subscription");
        return addConsumer(ConsumerRequest.shared(this, requireTopic(topic), name, messageSelector, true));
    }

    private MessageConsumer addConsumer(final ConsumerRequest request) throws JMSException
    {
        final QuireMessageConsumer consumer = new QuireMessageConsumer(this, request);
        consumers.add(consumer);
        if (connection.isStarted())
        {
            consumer.connectionStarted();
        }
        return consumer;
    }

    void consumerClosed(final QuireMessageConsumer consumer)
    {
        consumers.remove(consumer);
    }

    boolean consumes(final QuireDestination destination)
    {
        for (final QuireMessageConsumer consumer : consumers)
        {
            if (consumer.destination().equals(destination))
            {
                return true;
            }
        }
        return false;
    }

    @Override
    public void unsubscribe(final String name) throws JMSException
    {
        checkOpen();
        domain.requireTopics("unsubscribe a durable subscription");
        if (name == null || name.isEmpty())
        {
            throw new jakarta.jms.InvalidDestinationException("a subscription name must not be null or empty");
        }
        try
        {
            broker().unsubscribe(ConsumerRequest.durableName(connection.clientIdOrNull(), name));
        }
        catch (final RuntimeException ex)
        {
            throw JmsExceptions.ofUnsubscribe(ex);
        }
    }

    @Override
    public QueueBrowser createBrowser(final Queue queue) throws JMSException
    {
        return createBrowser(queue, null);
    }

    @Override
    public QueueBrowser createBrowser(final Queue queue, final String messageSelector) throws JMSException
    {
        checkOpen();
        domain.requireQueues("create a queue browser");
        return new QuireQueueBrowser(this, (QuireQueue)QuireDestination.of(requireDestination(queue)), messageSelector);
    }

    @Override
    public Queue createQueue(final String queueName) throws JMSException
    {
        checkOpen();
        domain.requireQueues("create a queue");
        if (queueName == null || queueName.isEmpty())
        {
            throw new jakarta.jms.InvalidDestinationException("a queue name must not be null or empty");
        }
        return new QuireQueue(queueName);
    }

    @Override
    public Topic createTopic(final String topicName) throws JMSException
    {
        checkOpen();
        domain.requireTopics("create a topic");
        if (topicName == null || topicName.isEmpty())
        {
            throw new jakarta.jms.InvalidDestinationException("a topic name must not be null or empty");
        }
        return new QuireTopic(topicName);
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException
    {
        checkOpen();
        domain.requireQueues("create a temporary queue");
        return connection.createTemporaryQueue();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException
    {
        checkOpen();
        domain.requireTopics("create a temporary topic");
        return connection.createTemporaryTopic();
    }

    private static Destination requireDestination(final Destination destination) throws JMSException
    {
        if (destination == null)
        {
            throw new jakarta.jms.InvalidDestinationException("the destination must not be null");
        }
        return destination;
    }

    private static QuireTopic requireTopic(final Topic topic) throws JMSException
    {
        if (topic == null)
        {
            throw new jakarta.jms.InvalidDestinationException("the topic must not be null");
        }
        return (QuireTopic)QuireDestination.of(topic);
    }

    // ---- listeners ---------------------------------------------------------------------------------

    @Override
    public MessageListener getMessageListener() throws JMSException
    {
        checkOpen();
        return null;
    }

    @Override
    public void setMessageListener(final MessageListener listener) throws JMSException
    {
        checkOpen();
        throw new JMSException("session-level message listeners are the optional application-server facility; " +
            "set a listener on a MessageConsumer instead");
    }

    @Override
    public void run()
    {
        throw new UnsupportedOperationException("Session.run() belongs to the optional application-server facility");
    }

    /**
     * Starts delivering to the consumer's listener on this session's delivery thread.
     */
    void listenerSet()
    {
        synchronized (deliveryLock)
        {
            if (dispatcher == null)
            {
                dispatcher = new ListenerDispatcher(this, consumers);
                dispatcher.start();
            }
            dispatcher.wake();
        }
    }

    void connectionStarted()
    {
        deliveryArrived();
        for (final QuireMessageConsumer consumer : consumers)
        {
            consumer.connectionStarted();
        }
    }

    void connectionStopped()
    {
        for (final QuireMessageConsumer consumer : consumers)
        {
            consumer.connectionStopped();
        }
    }

    void awaitListenerIdle()
    {
        final ListenerDispatcher current = dispatcher;
        if (current != null)
        {
            current.awaitIdle();
        }
    }

    void deliveryArrived()
    {
        final ListenerDispatcher current = dispatcher;
        if (current != null)
        {
            current.wake();
        }
    }

    /**
     * @return where completion listeners of asynchronous sends run, in send order.
     */
    SendCompletions completions()
    {
        return completions;
    }

    // ---- life cycle --------------------------------------------------------------------------------

    @Override
    public void close() throws JMSException
    {
        if (closed)
        {
            return;
        }
        CallbackThreads.refuseClose(this, "close its own session");
        for (final QuireMessageProducer producer : producers)
        {
            producer.close();
        }
        final ListenerDispatcher stopping;
        synchronized (deliveryLock)
        {
            closed = true;
            stopping = dispatcher;
        }
        if (stopping != null)
        {
            stopping.shutdown();
        }
        JMSException failure = null;
        for (final QuireMessageConsumer consumer : consumers)
        {
            try
            {
                consumer.close();
            }
            catch (final JMSException | RuntimeException ex)
            {
                failure = failure == null ? JmsExceptions.of(ex) : failure;
            }
        }
        completions.close();
        try
        {
            work.rollbackOnClose();
            broker().closeSession(sessionId);
        }
        catch (final RuntimeException ex)
        {
            failure = failure == null ? JmsExceptions.of(ex) : failure;
        }
        finally
        {
            connection.sessionClosed(this);
        }
        if (failure != null)
        {
            throw failure;
        }
    }

    boolean isClosed()
    {
        return closed || connection.isClosed();
    }

    void checkOpen() throws jakarta.jms.IllegalStateException
    {
        if (closed)
        {
            throw new jakarta.jms.IllegalStateException("the session is closed");
        }
        connection.checkOpen();
    }
}
