package dev.quire.jms;

import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The simplified API's consumer, on a classic consumer.
 */
final class QuireJMSConsumer implements JMSConsumer
{
    private final QuireMessageConsumer consumer;

    QuireJMSConsumer(final QuireMessageConsumer consumer)
    {
        this.consumer = consumer;
    }

    @Override
    public String getMessageSelector()
    {
        return QuireJMSContext.call(consumer::getMessageSelector);
    }

    @Override
    public MessageListener getMessageListener()
    {
        return QuireJMSContext.call(consumer::getMessageListener);
    }

    @Override
    public void setMessageListener(final MessageListener listener)
    {
        QuireJMSContext.run(() -> consumer.setMessageListener(listener));
    }

    @Override
    public Message receive()
    {
        return QuireJMSContext.call(consumer::receive);
    }

    @Override
    public Message receive(final long timeout)
    {
        return QuireJMSContext.call(() -> consumer.receive(timeout));
    }

    @Override
    public Message receiveNoWait()
    {
        return QuireJMSContext.call(consumer::receiveNoWait);
    }

    @Override
    public void close()
    {
        QuireJMSContext.run(consumer::close);
    }

    @Override
    public <T> T receiveBody(final Class<T> c)
    {
        return QuireJMSContext.call(() -> consumer.receiveBody(c, 0, true));
    }

    @Override
    public <T> T receiveBody(final Class<T> c, final long timeout)
    {
        return QuireJMSContext.call(() -> timeout == 0 ? consumer.receiveBody(c, 0, true) :
            consumer.receiveBody(c, Math.max(1, timeout), false));
    }

    @Override
    public <T> T receiveBodyNoWait(final Class<T> c)
    {
        return QuireJMSContext.call(() -> consumer.receiveBody(c, 1, false));
    }
}
