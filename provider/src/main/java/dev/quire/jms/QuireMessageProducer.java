package dev.quire.jms;

import dev.quire.jms.message.ForeignMessages;
import dev.quire.jms.message.QuireMessage;
import dev.quire.jms.message.StoredMessages;
import dev.quire.store.record.DestinationKind;
import dev.quire.store.record.StoredMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueSender;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;

import java.util.concurrent.CompletableFuture;

/**
 * A producer: sets the headers of each message it sends (destination, delivery mode, priority,
 * timestamp, expiration, delivery time, message id), stores a copy of it through the engine and, for a
 * synchronous send, returns only once it is stored as the broker's durability promises. An asynchronous
 * send tells its {@link CompletionListener}, in send order, on the session's completion thread.
 */
public final class QuireMessageProducer implements MessageProducer, QueueSender, TopicPublisher
{
    private final QuireSession session;
    private final QuireDestination destination;
    private boolean disableMessageId;
    private boolean disableTimestamp;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;
    private final UnconfirmedSends unconfirmed;
    private volatile boolean closed;

    QuireMessageProducer(final QuireSession session, final QuireDestination destination)
    {
        this.session = session;
        this.destination = destination;
        this.unconfirmed = new UnconfirmedSends(failure -> session.connection().reportAsync(JmsExceptions.of(failure)));
    }

    @Override
    public void setDisableMessageID(final boolean value) throws JMSException
    {
        checkOpen();
        disableMessageId = value;
    }

    @Override
    public boolean getDisableMessageID() throws JMSException
    {
        checkOpen();
        return disableMessageId;
    }

    @Override
    public void setDisableMessageTimestamp(final boolean value) throws JMSException
    {
        checkOpen();
        disableTimestamp = value;
    }

    @Override
    public boolean getDisableMessageTimestamp() throws JMSException
    {
        checkOpen();
        return disableTimestamp;
    }

    @Override
    public void setDeliveryMode(final int deliveryMode) throws JMSException
    {
        checkOpen();
        this.deliveryMode = checkDeliveryMode(deliveryMode);
    }

    @Override
    public int getDeliveryMode() throws JMSException
    {
        checkOpen();
        return deliveryMode;
    }

    @Override
    public void setPriority(final int priority) throws JMSException
    {
        checkOpen();
        this.priority = checkPriority(priority);
    }

    @Override
    public int getPriority() throws JMSException
    {
        checkOpen();
        return priority;
    }

    @Override
    public void setTimeToLive(final long timeToLive) throws JMSException
    {
        checkOpen();
        this.timeToLive = timeToLive;
    }

    @Override
    public long getTimeToLive() throws JMSException
    {
        checkOpen();
        return timeToLive;
    }

    @Override
    public void setDeliveryDelay(final long deliveryDelay) throws JMSException
    {
        checkOpen();
        this.deliveryDelay = deliveryDelay;
    }

    @Override
    public long getDeliveryDelay() throws JMSException
    {
        checkOpen();
        return deliveryDelay;
    }

    @Override
    public Destination getDestination() throws JMSException
    {
        checkOpen();
        return destination;
    }

    @Override
    public Queue getQueue() throws JMSException
    {
        return (Queue)getDestination();
    }

    @Override
    public Topic getTopic() throws JMSException
    {
        return (Topic)getDestination();
    }

    @Override
    public void send(final Message message) throws JMSException
    {
        send(message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(final Message message, final int deliveryMode, final int priority, final long timeToLive)
        throws JMSException
    {
        sendTo(boundDestination(), message, deliveryMode, priority, timeToLive, null);
    }

    @Override
    public void send(final Destination destination, final Message message) throws JMSException
    {
        send(destination, message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(final Destination destination, final Message message, final int deliveryMode, final int priority,
        final long timeToLive) throws JMSException
    {
        sendTo(givenDestination(destination), message, deliveryMode, priority, timeToLive, null);
    }

    @Override
    public void send(final Message message, final CompletionListener completionListener) throws JMSException
    {
        send(message, deliveryMode, priority, timeToLive, completionListener);
    }

    @Override
    public void send(final Message message, final int deliveryMode, final int priority, final long timeToLive,
        final CompletionListener completionListener) throws JMSException
    {
        sendTo(boundDestination(), message, deliveryMode, priority, timeToLive, requireListener(completionListener));
    }

    @Override
    public void send(final Destination destination, final Message message, final CompletionListener completionListener)
        throws JMSException
    {
        send(destination, message, deliveryMode, priority, timeToLive, completionListener);
    }

    @Override
    public void send(final Destination destination, final Message message, final int deliveryMode, final int priority,
        final long timeToLive, final CompletionListener completionListener) throws JMSException
    {
        sendTo(givenDestination(destination), message, deliveryMode, priority, timeToLive,
            requireListener(completionListener));
    }

    @Override
    public void send(final Queue queue, final Message message) throws JMSException
    {
        send((Destination)queue, message);
    }

    @Override
    public void send(final Queue queue, final Message message, final int deliveryMode, final int priority,
        final long timeToLive) throws JMSException
    {
        send((Destination)queue, message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void publish(final Message message) throws JMSException
    {
        send(message);
    }

    @Override
    public void publish(final Message message, final int deliveryMode, final int priority, final long timeToLive)
        throws JMSException
    {
        send(message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void publish(final Topic topic, final Message message) throws JMSException
    {
        send(topic, message);
    }

    @Override
    public void publish(final Topic topic, final Message message, final int deliveryMode, final int priority,
        final long timeToLive) throws JMSException
    {
        send(topic, message, deliveryMode, priority, timeToLive);
    }

    private QuireDestination boundDestination() throws JMSException
    {
        checkOpen();
        if (destination == null)
        {
            throw new UnsupportedOperationException("this producer has no destination: name one in send()");
        }
        return destination;
    }

    private QuireDestination givenDestination(final Destination given) throws JMSException
    {
        checkOpen();
        if (destination != null)
        {
            throw new UnsupportedOperationException("this producer sends to " + destination + " only");
        }
        if (given == null)
        {
            throw new InvalidDestinationException("the destination must not be null");
        }
        return QuireDestination.of(given);
    }

    private static CompletionListener requireListener(final CompletionListener listener)
    {
        if (listener == null)
        {
            throw new IllegalArgumentException("the completion listener must not be null");
        }
        return listener;
    }

    private void sendTo(final QuireDestination target, final Message message, final int mode, final int messagePriority,
        final long ttl, final CompletionListener listener) throws JMSException
    {
        if (message == null)
        {
            throw new MessageFormatException("the message must not be null");
        }
        checkDeliveryMode(mode);
        checkPriority(messagePriority);
        final long now = System.currentTimeMillis();
        message.setJMSDestination(target);
        message.setJMSDeliveryMode(mode);
        message.setJMSPriority(messagePriority);
        message.setJMSTimestamp(disableTimestamp ? 0 : now);
        message.setJMSExpiration(ttl > 0 ? now + ttl : 0);
        message.setJMSDeliveryTime(now + Math.max(0, deliveryDelay));
        message.setJMSMessageID(disableMessageId ? null : session.connection().nextMessageId());
        final QuireMessage quire = ForeignMessages.asQuire(message);
        final StoredMessage stored = StoredMessages.toStored(quire);
        final DestinationKind kind = target.isTopic() ? DestinationKind.TOPIC : DestinationKind.QUEUE;
        if (session.work().transactionId() != 0)
        {
            sendInTransaction(kind, target, stored, message, listener);
            return;
        }
        final CompletableFuture<Void> done;
        try
        {
            done = session.broker().send(kind, target.name(), stored, session.connection().id());
        }
        catch (final RuntimeException ex)
        {
            throw JmsExceptions.of(ex);
        }
        if (listener == null && mode == DeliveryMode.NON_PERSISTENT && unconfirmed.mayLeaveUnconfirmed(target))
        {
            unconfirmed.add(done);
        }
        else if (listener == null)
        {
            await(done);
            unconfirmed.confirmed(target);
        }
        else
        {
            session.completions().whenStored(done, (ignored, failure) -> complete(listener, message, failure));
        }
    }

    private void sendInTransaction(final DestinationKind kind, final QuireDestination target, final StoredMessage stored,
        final Message message, final CompletionListener listener) throws JMSException
    {
        try
        {
            session.broker().send(session.work().transactionId(), kind, target.name(), stored, session.connection().id());
        }
        catch (final RuntimeException ex)
        {
            throw JmsExceptions.of(ex);
        }
        if (listener != null)
        {
            session.completions().now(() -> listener.onCompletion(message));
        }
    }

    private static void await(final CompletableFuture<Void> done) throws JMSException
    {
        try
        {
            done.join();
        }
        catch (final RuntimeException ex)
        {
            throw JmsExceptions.of(ex);
        }
    }

    private static void complete(final CompletionListener listener, final Message message, final Throwable failure)
    {
        if (failure == null)
        {
            listener.onCompletion(message);
        }
        else
        {
            listener.onException(message, JmsExceptions.of(failure));
        }
    }

    private static int checkDeliveryMode(final int mode) throws JMSException
    {
        if (mode != DeliveryMode.PERSISTENT && mode != DeliveryMode.NON_PERSISTENT)
        {
            throw new JMSException("invalid delivery mode " + mode + " (PERSISTENT or NON_PERSISTENT)");
        }
        return mode;
    }

    private static int checkPriority(final int priority) throws JMSException
    {
        if (priority < 0 || priority > 9)
        {
            throw new JMSException("invalid priority " + priority + " (0 to 9)");
        }
        return priority;
    }

    @Override
    public void close() throws JMSException
    {
        CallbackThreads.refuseClose(session, "close its own producer");
        if (!closed)
        {
            closed = true;
            unconfirmed.settleAll();
            session.producerClosed(this);
        }
    }

    private void checkOpen() throws jakarta.jms.IllegalStateException
    {
        if (closed)
        {
            throw new jakarta.jms.IllegalStateException("the producer is closed");
        }
        session.checkOpen();
    }
}
