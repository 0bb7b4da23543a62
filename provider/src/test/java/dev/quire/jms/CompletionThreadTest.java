package dev.quire.jms;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class CompletionThreadTest
{
    private static final ThreadLocal<String> SET_UP = new ThreadLocal<>();

    private final CompletionThread completions = new CompletionThread("test-completions", () -> SET_UP.set("ready"));

    @AfterEach
    void stop() throws InterruptedException
    {
        completions.shutDown();
        completions.thread().join(TimeUnit.SECONDS.toMillis(10));
    }

    @Test
    void shouldRunTasksInOrderOnItsOwnSetUpDaemonThread() throws InterruptedException
    {
        final List<Integer> ran = new ArrayList<>();
        final AtomicReference<Thread> runner = new AtomicReference<>();
        final AtomicReference<String> seen = new AtomicReference<>();
        final CountDownLatch done = new CountDownLatch(1);
        for (int i = 0; i < 1000; i++)
        {
            final int task = i;
            completions.execute(() -> ran.add(task));
        }
        completions.execute(() ->
        {
            runner.set(Thread.currentThread());
            seen.set(SET_UP.get());
            done.countDown();
        });

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).hasSize(1000).isSorted();
        assertThat(runner.get().getName()).isEqualTo("test-completions");
        assertThat(runner.get().isDaemon()).isTrue();
        assertThat(seen.get()).isEqualTo("ready");
    }

    @Test
    void shouldRunEveryTaskFromConcurrentSubmittersWhileItParksBetweenThem() throws InterruptedException
    {
        final int submitters = 4;
        final int perSubmitter = 50_000;
        final CountDownLatch done = new CountDownLatch(submitters * perSubmitter);
        final List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < submitters; s++)
        {
            final Thread submitter = new Thread(() ->
            {
                for (int i = 0; i < perSubmitter; i++)
                {
                    completions.execute(done::countDown);
                    if (i % 1000 == 0)
                    {
                        awaitParked();
                    }
                }
            });
            threads.add(submitter);
            submitter.start();
        }

        assertThat(done.await(50, TimeUnit.SECONDS)).as("a task was never run: a wake-up was lost").isTrue();
        for (final Thread submitter : threads)
        {
            submitter.join();
        }
    }

    @Test
    void shouldKeepRunningAfterATaskThrows() throws InterruptedException
    {
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicReference<Throwable> reported = new AtomicReference<>();
        completions.thread().setUncaughtExceptionHandler((thread, ex) -> reported.set(ex));

        completions.execute(() ->
        {
            throw new IllegalStateException("listener failed");
        });
        completions.execute(done::countDown);

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(reported.get()).hasMessage("listener failed");
    }

    @Test
    void shouldRunWhatWasGivenBeforeShutDownThenEndAndRefuseMore() throws InterruptedException
    {
        final CountDownLatch release = new CountDownLatch(1);
        final List<Integer> ran = new ArrayList<>();
        completions.execute(() -> awaitQuietly(release));
        completions.execute(() -> ran.add(1));
        completions.execute(() -> ran.add(2));

        completions.shutDown();
        release.countDown();
        completions.thread().join(TimeUnit.SECONDS.toMillis(10));

        assertThat(completions.thread().isAlive()).isFalse();
        assertThat(ran).containsExactly(1, 2);
        assertThatThrownBy(() -> completions.execute(() -> ran.add(3)))
            .isInstanceOf(RejectedExecutionException.class)
            .hasMessageContaining("test-completions");
    }

    /**
     * Waits until the completion thread has run out of tasks and parked, so the next task must wake it.
     */
    private void awaitParked()
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (completions.thread().getState() != Thread.State.WAITING && System.nanoTime() < deadline)
        {
            Thread.onSpinWait();
        }
    }

    private static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
