package dev.quire.jms;

import dev.quire.engine.Wakeups;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread that runs the tasks given to it in the order they came: a session's completion listeners.
 * <p>
 * Giving it a task takes no lock, and wakes the thread only when it is parked, through {@link Wakeups}: the
 * journal's flusher thread completes every send a flush stored, one after another, each completion hands a
 * listener call over here, and the thread is woken once, after the last of them. Woken at each hand-off (a
 * one-thread {@code ThreadPoolExecutor} did), it pre-empted the flusher on its CPU after every completion
 * while the other CPU was busy, took the one call there was, and parked again.
 */
final class CompletionThread implements Executor
{
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean parked;
    private volatile boolean shutDown;

    /**
     * Starts the thread.
     *
     * @param name    the thread's name.
     * @param onStart runs on the thread before its first task (to set up what the tasks see).
     */
    CompletionThread(final String name, final Runnable onStart)
    {
        thread = new Thread(() ->
        {
            onStart.run();
            runTasks();
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs {@code task} on the thread after the tasks given before it.
     *
     * @throws RejectedExecutionException after {@link #shutDown()}.
     */
    @Override
    public void execute(final Runnable task)
    {
        if (shutDown)
        {
            throw rejected();
        }
        tasks.offer(task);
        if (parked)
        {
            Wakeups.unpark(thread);
        }
        if (shutDown && tasks.remove(task))
        {
            throw rejected();
        }
    }

    private RejectedExecutionException rejected()
    {
        return new RejectedExecutionException("the completion thread " + thread.getName() + " has stopped");
    }

    /**
     * Lets the thread end once it has run the tasks already given; refuses new ones.
     */
    void shutDown()
    {
        shutDown = true;
        LockSupport.unpark(thread);
    }

    /**
     * @return the thread, for tests.
     */
    Thread thread()
    {
        return thread;
    }

    private void runTasks()
    {
        while (true)
        {
            final Runnable task = tasks.poll();
            if (task != null)
            {
                runOne(task);
            }
            else if (shutDown)
            {
                if (tasks.isEmpty())
                {
                    return;
                }
            }
            else
            {
                parkUntilGiven();
            }
        }
    }

    /**
     * Parks until a task is given or the thread is shut down. Both sides write their own volatile field
     * before reading the other's ({@code parked} here, the queue in {@link #execute}), so a task offered
     * while the thread goes to park is either seen here or unparks it.
     */
    private void parkUntilGiven()
    {
        parked = true;
        if (tasks.isEmpty() && !shutDown)
        {
            LockSupport.park(this);
        }
        parked = false;
    }

    private void runOne(final Runnable task)
    {
        try
        {
            task.run();
        }
        catch (final RuntimeException ex)
        {
            thread.getUncaughtExceptionHandler().uncaughtException(thread, ex);
        }
    }
}
