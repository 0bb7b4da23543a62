package dev.quire.store.chronicle.internal;

import dev.quire.store.DurabilityListener;
import dev.quire.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class GroupCommitFlusherTest
{
    @TempDir
    Path directory;

    /** How long each flush seems to take; a wrong wait of half of it outlasts the test's timeout. */
    private static final Duration FLUSH_TIME = Duration.ofMinutes(2);
    private static final Duration LONG_GATHER = Duration.ofMinutes(10);

    private final List<Long> durable = new CopyOnWriteArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private volatile Runnable flushListener = () ->
    {
    };
    private final List<StoreException> failures = new ArrayList<>();
    private final DurabilityListener listener = new DurabilityListener()
    {
        @Override
        public void onDurable(final long durablePosition)
        {
            flushListener.run();
            durable.add(durablePosition);
        }

        @Override
        public void onFailure(final StoreException failure)
        {
            failures.add(failure);
        }
    };

    @Test
    void shouldDoItsSideWorkWhenIdleAndAfterEachFlush() throws Exception
    {
        final CycleFiles files = cycleFile();
        final AtomicInteger sideWork = new AtomicInteger();
        final GroupCommitFlusher flusher = new GroupCommitFlusher(files, position -> 0, 0, () ->
        {
            sideWork.incrementAndGet();
            return 1;
        });
        flusher.addListener(listener);

        assertThat(flusher.doWork()).as("nothing to flush: the side work").isEqualTo(1);
        flusher.appended(7);
        assertThat(flusher.doWork()).as("appended but not requested: the side work").isEqualTo(1);
        flusher.requestFlush(7);
        assertThat(flusher.doWork()).as("a flush, then the side work").isEqualTo(2);

        assertThat(durable).containsExactly(7L);
        assertThat(sideWork).hasValue(3);
        files.close();
    }

    @Test
    void shouldTellListenersWhatReachedTheDisk() throws Exception
    {
        final CycleFiles files = new CycleFiles(directory);
        files.register(0, Files.createFile(directory.resolve("0.cq4")));
        final GroupCommitFlusher flusher = flusher(files);

        flusher.appended(7);
        flusher.requestFlush(7);
        flusher.doWork();

        assertThat(durable).containsExactly(7L);
        assertThat(failures).isEmpty();
        assertThat(flusher.durablePosition()).isEqualTo(7);
        files.close();
    }

    @Test
    void shouldTellListenersOnceWhenAFlushFailsAndFailEveryLaterWait()
    {
        final CycleFiles files = new CycleFiles(directory);
        files.register(0, directory.resolve("vanished.cq4"));
        final GroupCommitFlusher flusher = flusher(files);

        flusher.appended(7);
        flusher.requestFlush(7);
        flusher.doWork();
        flusher.appended(8);
        flusher.requestFlush(8);
        flusher.doWork();

        assertThat(durable).isEmpty();
        assertThat(failures).singleElement()
            .satisfies(failure -> assertThat(failure.kind()).isEqualTo(StoreException.Kind.IO));
        assertThatThrownBy(() -> flusher.awaitFlushed(8)).isInstanceOf(StoreException.class)
            .hasMessageContaining("forcing the journal to disk failed");
        files.close();
    }

    @Test
    void shouldStartALoneWritersFlushAtOnce() throws Exception
    {
        final CycleFiles files = cycleFile();
        final GroupCommitFlusher flusher = gatheringFlusher(files);
        flusher.onStart();

        request(flusher, 1);
        flusher.doWork();
        request(flusher, 2);
        flusher.doWork();

        assertThat(durable).containsExactly(1L, 2L);
        files.close();
    }

    @Test
    void shouldSpinBrieflyForTheRequestALoneWriterAnnounces() throws Exception
    {
        final CycleFiles files = cycleFile();
        final GroupCommitFlusher flusher = gatheringFlusher(files);
        flusher.onStart();
        flusher.expectRequest();
        assertThat(flusher.doWork()).as("no lone writer seen yet: the announcement is ignored").isZero();
        request(flusher, 1);
        flusher.doWork();

        flusher.expectRequest();
        assertThat(flusher.doWork()).as("spinning for the announced request").isEqualTo(1);
        clock.addAndGet(GroupCommitFlusher.EXPECTED_REQUEST_NANOS);

        assertThat(flusher.doWork()).as("the request did not come in time: idle again").isZero();
        files.close();
    }

    @Test
    void shouldIgnoreAnnouncementsAfterOneCameToNothingUntilALoneFlush() throws Exception
    {
        final CycleFiles files = cycleFile();
        final GroupCommitFlusher flusher = gatheringFlusher(files);
        flusher.onStart();
        request(flusher, 1);
        flusher.doWork();
        flusher.expectRequest();
        flusher.doWork();
        clock.addAndGet(GroupCommitFlusher.EXPECTED_REQUEST_NANOS);
        flusher.doWork();

        flusher.expectRequest();
        assertThat(flusher.doWork()).as("the last announcement came to nothing").isZero();

        request(flusher, 2);
        flusher.doWork();
        flusher.expectRequest();
        assertThat(flusher.doWork()).as("a lone flush again").isEqualTo(1);
        files.close();
    }

    @Test
    void shouldIgnoreAnnouncementsWhileFlushesServeSeveralRequests() throws Exception
    {
        final CycleFiles files = cycleFile();
        final GroupCommitFlusher flusher = gatheringFlusher(files);
        flusher.onStart();
        request(flusher, 1);
        request(flusher, 2);
        flusher.doWork();

        flusher.expectRequest();

        assertThat(flusher.doWork()).isZero();
        assertThat(durable).containsExactly(2L);
        files.close();
    }

    @Test
    void shouldBeWokenFromItsLongestSleepByTheFirstRequestAfterAStream() throws Exception
    {
        final CycleFiles files = cycleFile();
        final GroupCommitFlusher flusher = gatheringFlusher(files);
        for (long position = 1; position <= 20; position++)
        {
            request(flusher, position);
        }
        final SleepingRunner runner = new SleepingRunner(flusher);
        try
        {
            awaitDurable(20);
            runner.awaitAsleep();

            request(flusher, 21);

            awaitDurable(21);
        }
        finally
        {
            runner.close();
        }
        files.close();
    }

    @Test
    void shouldBeWokenByTheFirstRequestToGatherAndByTheOneThatCompletesTheGather() throws Exception
    {
        final CycleFiles files = cycleFile();
        final GroupCommitFlusher flusher = gatheringFlusher(files);
        request(flusher, 1);
        request(flusher, 2);
        final SleepingRunner runner = new SleepingRunner(flusher);
        try
        {
            awaitDurable(2);
            runner.awaitAsleep();

            request(flusher, 3);
            runner.awaitGathering(flusher);
            request(flusher, 4);

            awaitDurable(4);
        }
        finally
        {
            runner.close();
        }
        assertThat(durable).containsExactly(2L, 4L);
        files.close();
    }

    @Test
    void shouldGatherAsManyRequestsAsTheLastFlushServed() throws Exception
    {
        final CycleFiles files = cycleFile();
        final GroupCommitFlusher flusher = gatheringFlusher(files);
        request(flusher, 1);
        request(flusher, 2);
        request(flusher, 3);
        final Thread flushing = startFlushing(flusher, 2);
        awaitDurable(3);
        request(flusher, 4);
        awaitParked(flushing);

        request(flusher, 5);
        request(flusher, 6);
        flushing.join();

        assertThat(durable).containsExactly(3L, 6L);
        files.close();
    }

    @Test
    void shouldFlushWhatItGatheredOnceHalfTheLastFlushTimeHasPassed() throws Exception
    {
        final CycleFiles files = cycleFile();
        final GroupCommitFlusher flusher = gatheringFlusher(files);
        letAGatherTimeOut(flusher);

        assertThat(durable).containsExactly(2L, 3L);
        files.close();
    }

    @Test
    void shouldStopGatheringWhenItsThreadIsInterrupted() throws Exception
    {
        final CycleFiles files = cycleFile();
        final GroupCommitFlusher flusher = gatheringFlusher(files);
        final Thread flushing = gatherForTheThirdRequest(flusher);

        flushing.interrupt();
        flushing.join(10_000);

        assertThat(flushing.isAlive()).as("still gathering on the test's clock, which never reaches the deadline")
            .isFalse();
        files.close();
    }

    @Test
    void shouldSkipTheNextGatherAfterOneTimedOut() throws Exception
    {
        final CycleFiles files = cycleFile();
        final GroupCommitFlusher flusher = gatheringFlusher(files);
        letAGatherTimeOut(flusher);
        request(flusher, 4);
        request(flusher, 5);
        flusher.doWork();

        request(flusher, 6);
        flusher.doWork();

        assertThat(durable).containsExactly(2L, 3L, 5L, 6L);
        files.close();
    }

    /**
     * A flush serves requests 1 and 2; the flush of request 3 gathers in vain until half the last flush's
     * time has passed.
     */
    private void letAGatherTimeOut(final GroupCommitFlusher flusher) throws InterruptedException
    {
        final Thread flushing = gatherForTheThirdRequest(flusher);
        clock.addAndGet(FLUSH_TIME.toNanos() / 2);
        LockSupport.unpark(flushing);
        flushing.join();
    }

    /**
     * A flush on its own thread serves requests 1 and 2; then request 3 is posted.
     *
     * @return the thread, waiting for a second request before it flushes request 3.
     */
    private Thread gatherForTheThirdRequest(final GroupCommitFlusher flusher) throws InterruptedException
    {
        request(flusher, 1);
        request(flusher, 2);
        final Thread flushing = startFlushing(flusher, 2);
        awaitDurable(2);
        request(flusher, 3);
        awaitParked(flushing);
        return flushing;
    }

    /**
     * @return a flusher on the test's clock whose flushes each seem to take {@link #FLUSH_TIME}.
     */
    private GroupCommitFlusher gatheringFlusher(final CycleFiles files)
    {
        final GroupCommitFlusher flusher = new GroupCommitFlusher(files, position -> 0, 0, () -> 0, clock::get,
            LONG_GATHER.toNanos());
        flusher.addListener(listener);
        flushListener = () -> clock.addAndGet(FLUSH_TIME.toNanos());
        return flusher;
    }

    private CycleFiles cycleFile() throws Exception
    {
        final CycleFiles files = new CycleFiles(directory);
        files.register(0, Files.createFile(directory.resolve("0.cq4")));
        return files;
    }

    private static void request(final GroupCommitFlusher flusher, final long position)
    {
        flusher.appended(position);
        flusher.requestFlush(position);
    }

    /**
     * Runs the flusher on its own thread until it has flushed {@code flushes} times.
     */
    private Thread startFlushing(final GroupCommitFlusher flusher, final int flushes)
    {
        final Thread thread = new Thread(() ->
        {
            flusher.onStart();
            int done = 0;
            while (done < flushes)
            {
                done += flusher.doWork();
            }
        }, "test-flusher");
        thread.start();
        return thread;
    }

    /**
     * Runs the flusher on a thread that, when idle, sleeps for far longer than the test may take, so that a
     * request which does not wake it fails the test.
     */
    private static final class SleepingRunner
    {
        private final Thread thread;
        private volatile boolean running = true;

        SleepingRunner(final GroupCommitFlusher flusher)
        {
            thread = new Thread(() ->
            {
                flusher.onStart();
                while (running)
                {
                    if (flusher.doWork() == 0)
                    {
                        LockSupport.parkNanos(Duration.ofHours(1).toNanos());
                    }
                }
            }, "test-sleeping-flusher");
            thread.start();
        }

        void awaitAsleep() throws InterruptedException
        {
            awaitParked(thread);
        }

        /**
         * Waits until the flusher parks to gather requests (it names itself as the blocker; asleep, it
         * names none).
         */
        void awaitGathering(final GroupCommitFlusher flusher) throws InterruptedException
        {
            while (LockSupport.getBlocker(thread) != flusher)
            {
                Thread.sleep(1);
            }
        }

        void close() throws InterruptedException
        {
            running = false;
            LockSupport.unpark(thread);
            thread.join();
        }
    }

    private void awaitDurable(final long position) throws InterruptedException
    {
        while (durable.isEmpty() || durable.get(durable.size() - 1) < position)
        {
            Thread.sleep(1);
        }
    }

    private static void awaitParked(final Thread flushing) throws InterruptedException
    {
        while (flushing.getState() != Thread.State.TIMED_WAITING)
        {
            Thread.sleep(1);
        }
    }

    private GroupCommitFlusher flusher(final CycleFiles files)
    {
        final GroupCommitFlusher flusher = new GroupCommitFlusher(files, position -> 0, 0, () -> 0);
        flusher.addListener(listener);
        return flusher;
    }

}
