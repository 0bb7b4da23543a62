package dev.quire.jms;

import dev.quire.engine.BrowsedMessage;
import dev.quire.engine.MessageFilter;
import dev.quire.jms.message.Acknowledger;
import dev.quire.jms.message.StoredMessages;
import dev.quire.jms.selector.Selector;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A browser: each enumeration is a snapshot of the messages pending on the queue, in delivery order,
 * taken when it is asked for; browsing takes nothing from the queue.
 */
final class QuireQueueBrowser implements QueueBrowser
{
    private final QuireSession session;
    private final QuireQueue queue;
    private final String selector;
    private final MessageFilter filter;
    private volatile boolean closed;

    QuireQueueBrowser(final QuireSession session, final QuireQueue queue, final String selector) throws JMSException
    {
        this.session = session;
        this.queue = queue;
        this.selector = selector == null || selector.isBlank() ? null : selector;
        this.filter = this.selector == null ? MessageFilter.ACCEPT_ALL : Selector.parse(selector);
    }

    @Override
    public Queue getQueue() throws JMSException
    {
        checkOpen();
        return queue;
    }

    @Override
    public String getMessageSelector() throws JMSException
    {
        checkOpen();
        return selector;
    }

    @Override
    public Enumeration<?> getEnumeration() throws JMSException
    {
        checkOpen();
        final List<BrowsedMessage> browsed;
        try
        {
            browsed = session.broker().browse(queue.name(), filter);
        }
        catch (final RuntimeException ex)
        {
            throw JmsExceptions.of(ex);
        }
        final List<Message> messages = new ArrayList<>(browsed.size());
        for (final BrowsedMessage message : browsed)
        {
            messages.add(StoredMessages.toReceived(message.message(), queue, message.deliveryCount() + 1,
                message.deliveryCount() > 0, Acknowledger.NONE));
        }
        return Collections.enumeration(messages);
    }

    @Override
    public void close()
    {
        closed = true;
    }

    private void checkOpen() throws JMSException
    {
        if (closed)
        {
            throw new jakarta.jms.IllegalStateException("the browser is closed");
        }
        session.checkOpen();
    }
}
