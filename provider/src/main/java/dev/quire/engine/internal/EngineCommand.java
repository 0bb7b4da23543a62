package dev.quire.engine.internal;

import java.util.concurrent.CompletableFuture;

/**
 * A request for the engine thread and the future its caller waits on.
 *
 * @param <T> the result type.
 */
public final class EngineCommand<T>
{
    /**
     * The work itself: runs on the engine thread and completes {@code result}, now or later.
     *
     * @param <T> the result type.
     */
    @FunctionalInterface
    public interface Work<T>
    {
        /**
         * @param engine the engine.
         * @param result to complete with the outcome.
         * @throws Exception any failure, which completes the result exceptionally.
         */
        void run(Engine engine, CompletableFuture<T> result) throws Exception;
    }

    private final Work<T> work;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    /**
     * @param work what to run.
     */
    public EngineCommand(final Work<T> work)
    {
        this.work = work;
    }

    /**
     * @return the future completed with the outcome.
     */
    public CompletableFuture<T> result()
    {
        return result;
    }

    void execute(final Engine engine)
    {
        try
        {
            work.run(engine, result);
        }
        catch (final Exception | Error ex)
        {
            result.completeExceptionally(ex);
        }
    }

    /**
     * Fails the command without running it.
     *
     * @param reason why.
     */
    public void abandon(final Throwable reason)
    {
        result.completeExceptionally(reason);
    }
}
