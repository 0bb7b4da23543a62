package dev.quire.jms;

import jakarta.jms.IllegalStateException;

/**
 * The threads on which Quire calls the application back: a session's message listener thread and its
 * completion-listener thread. JMS forbids a callback to close the objects it runs for (the close would
 * wait for the callback itself), a message listener to stop its own connection, and a completion listener
 * to commit or roll back its own session. This class knows which session the current thread calls back
 * for, and refuses those calls with {@link IllegalStateException}.
 */
final class CallbackThreads
{
    private static final ThreadLocal<QuireSession> MESSAGE_LISTENER = new ThreadLocal<>();
    private static final ThreadLocal<QuireSession> COMPLETION_LISTENER = new ThreadLocal<>();

    private CallbackThreads()
    {
    }

    /**
     * Runs a session's message-listener loop on the current thread.
     */
    static void runAsMessageListener(final QuireSession session, final Runnable loop)
    {
        MESSAGE_LISTENER.set(session);
        try
        {
            loop.run();
        }
        finally
        {
            MESSAGE_LISTENER.remove();
        }
    }

    /**
     * @return a thread that runs a session's completion listeners, in submission order.
     */
    static CompletionThread completionThread(final QuireSession session, final String threadName)
    {
        return new CompletionThread(threadName, () -> COMPLETION_LISTENER.set(session));
    }

    /**
     * Refuses to close a session or one of its producers from its own callbacks.
     *
     * @param what what the caller would do, such as "close its session".
     */
    static void refuseClose(final QuireSession session, final String what) throws IllegalStateException
    {
        if (MESSAGE_LISTENER.get() == session)
        {
            throw new IllegalStateException("a message listener cannot " + what);
        }
        refuseFromCompletion(session, what);
    }

    /**
     * Refuses to close a connection from the callbacks of any of its sessions.
     */
    static void refuseClose(final QuireConnection connection, final String what) throws IllegalStateException
    {
        refuseStop(connection, what);
        final QuireSession completing = COMPLETION_LISTENER.get();
        if (completing != null && completing.connection() == connection)
        {
            throw new IllegalStateException("a completion listener cannot " + what);
        }
    }

    /**
     * Refuses to stop a connection from the message listener of any of its sessions.
     */
    static void refuseStop(final QuireConnection connection, final String what) throws IllegalStateException
    {
        final QuireSession listening = MESSAGE_LISTENER.get();
        if (listening != null && listening.connection() == connection)
        {
            throw new IllegalStateException("a message listener cannot " + what);
        }
    }

    /**
     * Refuses to commit, roll back or close a session from its own completion listener.
     */
    static void refuseFromCompletion(final QuireSession session, final String what) throws IllegalStateException
    {
        if (COMPLETION_LISTENER.get() == session)
        {
            throw new IllegalStateException("a completion listener cannot " + what);
        }
    }
}
