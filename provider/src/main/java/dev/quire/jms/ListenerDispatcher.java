package dev.quire.jms;

import java.util.List;

/**
 * The thread that runs a session's message listeners, one message at a time, as the specification
 * requires: it takes the next buffered delivery of each consumer with a listener in turn and sleeps when
 * there is none or the connection is stopped.
 */
final class ListenerDispatcher implements Runnable
{
    private final QuireSession session;
    private final List<QuireMessageConsumer> consumers;
    private final Thread thread;
    private final Object signal = new Object();
    private boolean wakeRequested;
    private boolean busy;
    private volatile boolean running = true;

    ListenerDispatcher(final QuireSession session, final List<QuireMessageConsumer> consumers)
    {
        this.session = session;
        this.consumers = consumers;
        this.thread = new Thread(this, "quire-session-" + session.sessionId());
        this.thread.setDaemon(true);
    }

    void start()
    {
        thread.start();
    }

    void wake()
    {
        synchronized (signal)
        {
            wakeRequested = true;
            signal.notifyAll();
        }
    }

    @Override
    public void run()
    {
        CallbackThreads.runAsMessageListener(session, () ->
        {
            while (running)
            {
                if (!deliverRound())
                {
                    sleep();
                }
            }
        });
    }

    private boolean deliverRound()
    {
        synchronized (signal)
        {
            busy = true;
        }
        boolean delivered = false;
        try
        {
            for (final QuireMessageConsumer consumer : consumers)
            {
                delivered |= consumer.deliverToListener();
            }
        }
        finally
        {
            synchronized (signal)
            {
                busy = false;
                signal.notifyAll();
            }
        }
        return delivered;
    }

    private void sleep()
    {
        synchronized (signal)
        {
            try
            {
                if (!wakeRequested && running)
                {
                    signal.wait(100);
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                running = false;
            }
            wakeRequested = false;
        }
    }

    /**
     * Waits until no listener is running (stop and close wait for the listener in progress).
     */
    void awaitIdle()
    {
        if (Thread.currentThread() == thread)
        {
            return;
        }
        synchronized (signal)
        {
            while (busy)
            {
                try
                {
                    signal.wait(100);
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    void shutdown()
    {
        running = false;
        wake();
        awaitIdle();
    }
}
