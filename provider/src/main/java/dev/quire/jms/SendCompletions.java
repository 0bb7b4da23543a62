package dev.quire.jms;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The completion listeners of a session's asynchronous sends: they run in send order on one thread of
 * the session's own, and closing the session waits for those still due, as JMS requires.
 */
final class SendCompletions
{
    private final QuireSession session;
    private final String threadName;
    private final Set<CompletableFuture<Void>> due = ConcurrentHashMap.newKeySet();
    private CompletionThread thread;

    SendCompletions(final QuireSession session, final String threadName)
    {
        this.session = session;
        this.threadName = threadName;
    }

    /**
     * Calls back once a send is stored (or has failed).
     *
     * @param stored   completes when the message is stored.
     * @param callback the completion listener's call, given the failure or null.
     */
    void whenStored(final CompletableFuture<Void> stored, final BiConsumer<Void, Throwable> callback)
    {
        final CompletableFuture<Void> called = new CompletableFuture<>();
        due.add(called);
        stored.whenCompleteAsync((ignored, failure) ->
        {
            try
            {
                callback.accept(ignored, failure);
            }
            finally
            {
                due.remove(called);
                called.complete(null);
            }
        }, thread());
    }

    /**
     * Calls back at once, in order after the callbacks already due.
     */
    void now(final Runnable callback)
    {
        whenStored(CompletableFuture.completedFuture(null), (ignored, failure) -> callback.run());
    }

    private synchronized CompletionThread thread()
    {
        if (thread == null)
        {
            thread = CallbackThreads.completionThread(session, threadName);
        }
        return thread;
    }

    /**
     * Waits for every callback still due, then stops the thread.
     */
    void close()
    {
        CompletableFuture.allOf(due.toArray(new CompletableFuture<?>[0])).join();
        synchronized (this)
        {
            if (thread != null)
            {
                thread.shutDown();
            }
        }
    }
}
