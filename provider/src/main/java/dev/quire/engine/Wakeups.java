package dev.quire.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Wake-ups of parked threads, put off to the end of a batch of completions.
 * <p>
 * The futures the {@link Broker} returns for stored sends and commits complete on the journal's flusher
 * thread, all those one flush stored in a row. A thread parked for what such a completion hands on (a JMS
 * session's completion-listener thread) that is woken at once, while the other CPUs are busy, runs on the
 * flusher's CPU and pre-empts it, takes what is there, parks, and is woken again by the next completion.
 * Code that runs in a completion wakes such a thread with {@link #unpark(Thread)}: within a batch the
 * wake-up waits until the batch has ended, and happens once however often it was asked for.
 */
public final class Wakeups
{
    private static final ThreadLocal<List<Thread>> BATCH = new ThreadLocal<>();

    private Wakeups()
    {
    }

    /**
     * Wakes {@code thread} at the end of the batch the current thread runs, or at once outside a batch.
     *
     * @param thread the parked thread, as for {@link LockSupport#unpark(Thread)}.
     */
    public static void unpark(final Thread thread)
    {
        final List<Thread> batch = BATCH.get();
        if (batch == null)
        {
            LockSupport.unpark(thread);
        }
        else if (!batch.contains(thread))
        {
            batch.add(thread);
        }
    }

    /**
     * Runs {@code completions} as one batch on the current thread, then wakes the threads they asked to
     * wake, in the order first asked, even when {@code completions} throws. A batch run inside another
     * becomes part of it.
     *
     * @param completions what completes the batch's futures.
     */
    public static void inBatch(final Runnable completions)
    {
        if (BATCH.get() != null)
        {
            completions.run();
            return;
        }
        final List<Thread> batch = new ArrayList<>(4);
        BATCH.set(batch);
        try
        {
            completions.run();
        }
        finally
        {
            BATCH.remove();
            batch.forEach(LockSupport::unpark);
        }
    }
}
