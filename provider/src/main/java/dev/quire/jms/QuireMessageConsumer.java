package dev.quire.jms;

import dev.quire.engine.Delivery;
import dev.quire.engine.DeliverySink;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A consumer: the engine hands it up to its prefetch window of deliveries, which wait in its buffer until
 * the application takes them with {@code receive} or its listener; each one taken returns a credit. It
 * opens stopped and takes messages only while its connection is started: stopping the connection gives
 * the buffered deliveries back to the queue ({@link #withdraw()}).
 */
public final class QuireMessageConsumer implements MessageConsumer, QueueReceiver, TopicSubscriber, DeliverySink
{
    private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final QuireSession session;
    private final ConsumerRequest request;
    private final long consumerId;
    private final DeliveryBuffer buffer = new DeliveryBuffer();
    private volatile MessageListener listener;
    private volatile boolean closed;
    private Class<?> bodyType;

    QuireMessageConsumer(final QuireSession session, final ConsumerRequest request) throws JMSException
    {
        this.session = session;
        this.request = request;
        try
        {
            this.consumerId = session.broker().openConsumer(session.sessionId(), request.spec(), this, true);
        }
        catch (final RuntimeException ex)
        {
            throw JmsExceptions.of(ex);
        }
    }

    QuireDestination destination()
    {
        return request.destination();
    }

    @Override
    public void deliver(final Delivery delivery)
    {
        buffer.add(delivery);
    }

    @Override
    public void handedOver()
    {
        buffer.wakeWaiter();
        session.deliveryArrived();
    }

    @Override
    public String getMessageSelector() throws JMSException
    {
        checkOpen();
        return request.spec().selector();
    }

    @Override
    public MessageListener getMessageListener() throws JMSException
    {
        checkOpen();
        return listener;
    }

    @Override
    public void setMessageListener(final MessageListener listener) throws JMSException
    {
        checkOpen();
        this.listener = listener;
        if (listener != null)
        {
            session.listenerSet();
        }
    }

    @Override
    public Message receive() throws JMSException
    {
        return receive(Long.MAX_VALUE / 2, true);
    }

    @Override
    public Message receive(final long timeout) throws JMSException
    {
        return timeout == 0 ? receive() : receive(Math.max(1, timeout), false);
    }

    @Override
    public Message receiveNoWait() throws JMSException
    {
        checkOpen();
        session.broker().depth(request.destination().name());
        return receive(1, false);
    }

    private Message receive(final long timeoutMillis, final boolean forever) throws JMSException
    {
        checkOpen();
        if (listener != null)
        {
            throw new jakarta.jms.IllegalStateException("a consumer with a message listener cannot receive synchronously");
        }
        final long deadline = forever ? 0 : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try
        {
            while (!closed && !Thread.currentThread().isInterrupted())
            {
                final long remaining = forever ? WAIT_SLICE_NANOS : deadline - System.nanoTime();
                if (remaining <= 0)
                {
                    return null;
                }
                final long slice = Math.min(remaining, WAIT_SLICE_NANOS);
                if (session.connection().awaitStarted(System.nanoTime() + slice))
                {
                    final Delivery delivery = buffer.poll(slice);
                    if (delivery != null)
                    {
                        return take(delivery);
                    }
                }
            }
            return null;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Receives the next message's body as {@code type} (the simplified API's {@code receiveBody}): a
     * message whose body cannot be returned so is not consumed; it goes back to be delivered again.
     *
     * @return the body, or null when no message came in time.
     */
    <T> T receiveBody(final Class<T> type, final long timeoutMillis, final boolean forever) throws JMSException
    {
        bodyType = type;
        try
        {
            final Message message = receive(timeoutMillis, forever);
            return message == null ? null : message.getBody(type);
        }
        finally
        {
            bodyType = null;
        }
    }

    /**
     * Hands one delivery to the application: converts it, settles its acknowledgement as the session's
     * mode says, and returns its credit.
     */
    private Message take(final Delivery delivery) throws JMSException
    {
        final Class<?> wanted = bodyType;
        if (wanted != null)
        {
            final Message probe = dev.quire.jms.message.StoredMessages.toReceived(delivery.message(),
                request.destination(), delivery.deliveryCount(), delivery.redelivered(),
                dev.quire.jms.message.Acknowledger.NONE);
            if (!probe.isBodyAssignableTo(wanted))
            {
                session.broker().release(consumerId, delivery.deliveryTag());
                throw new jakarta.jms.MessageFormatException("the message's body cannot be returned as a " +
                    wanted.getName() + "; it was not consumed");
            }
        }
        final Message message = session.work().consume(delivery, request.destination());
        session.work().afterConsumed(consumerId);
        return message;
    }

    /**
     * Delivers one buffered message to the listener, if there is one to deliver.
     *
     * @return true when a message was delivered.
     */
    boolean deliverToListener()
    {
        final MessageListener current = listener;
        if (current == null || closed || !session.connection().isStarted())
        {
            return false;
        }
        final Delivery delivery = buffer.poll();
        if (delivery == null)
        {
            return false;
        }
        try
        {
            final Message message = session.work().consume(delivery, request.destination());
            try
            {
                current.onMessage(message);
            }
            catch (final VirtualMachineError fatal)
            {
                throw fatal;
            }
            catch (final RuntimeException | Error failure)
            {
                session.work().listenerFailed(delivery, failure);
                session.broker().addCredit(consumerId, 1);
                return true;
            }
            session.work().afterConsumed(consumerId);
        }
        catch (final JMSException | RuntimeException ex)
        {
            session.connection().reportAsync(JmsExceptions.of(ex));
        }
        return true;
    }

    /**
     * The connection started: the engine may hand this consumer messages again.
     */
    void connectionStarted()
    {
        session.broker().startConsumer(consumerId);
        session.deliveryArrived();
    }

    /**
     * The connection stopped: the engine hands this consumer nothing more and takes back its buffer.
     */
    void connectionStopped()
    {
        if (!closed)
        {
            session.broker().stopConsumer(consumerId);
        }
    }

    @Override
    public long[] withdraw()
    {
        final List<Delivery> drained = new ArrayList<>();
        buffer.drain(drained::add);
        return drained.stream().mapToLong(Delivery::deliveryTag).toArray();
    }

    @Override
    public Queue getQueue() throws JMSException
    {
        checkOpen();
        return (Queue)request.destination();
    }

    @Override
    public Topic getTopic() throws JMSException
    {
        checkOpen();
        return (Topic)request.destination();
    }

    @Override
    public boolean getNoLocal() throws JMSException
    {
        checkOpen();
        return request.spec().noLocal();
    }

    @Override
    public void close() throws JMSException
    {
        if (closed)
        {
            return;
        }
        closed = true;
        buffer.wakeWaiter();
        session.awaitListenerIdle();
        try
        {
            if (!session.connection().isClosed())
            {
                session.broker().closeConsumer(consumerId);
            }
        }
        catch (final RuntimeException ex)
        {
            throw JmsExceptions.of(ex);
        }
        finally
        {
            session.consumerClosed(this);
        }
    }

    private void checkOpen() throws jakarta.jms.IllegalStateException
    {
        if (closed)
        {
            throw new jakarta.jms.IllegalStateException("the consumer is closed");
        }
        session.checkOpen();
    }
}
