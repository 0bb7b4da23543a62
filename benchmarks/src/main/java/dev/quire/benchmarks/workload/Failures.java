package dev.quire.benchmarks.workload;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The first failure of any thread of a workload, so that the others stop and the workload reports it.
 */
final class Failures
{
    private final AtomicReference<Throwable> first = new AtomicReference<>();

    /**
     * A piece of work that may fail.
     */
    @FunctionalInterface
    interface Work
    {
        void run() throws Exception;
    }

    /**
     * @param name what the thread does.
     * @param work its work; a failure is kept.
     * @return the started thread.
     */
    Thread start(final String name, final Work work)
    {
        final Thread thread = new Thread(() ->
        {
            try
            {
                work.run();
            }
            catch (final Throwable ex)
            {
                add(ex);
            }
        }, "workload-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    void add(final Throwable failure)
    {
        first.compareAndSet(null, failure);
    }

    boolean any()
    {
        return first.get() != null;
    }

    void rethrow()
    {
        final Throwable failure = first.get();
        if (failure != null)
        {
            throw new IllegalStateException("a workload thread failed: " + failure, failure);
        }
    }
}
