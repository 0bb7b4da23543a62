package dev.quire.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class WakeupsTest
{
    /** Long enough for a wake-up that was not put off to show. */
    private static final Duration NOT_YET = Duration.ofMillis(200);
    private static final Duration SOON = Duration.ofSeconds(10);

    @Test
    void shouldWakeAtOnceOutsideABatch()
    {
        try (ParkedThread parked = new ParkedThread())
        {
            Wakeups.unpark(parked.thread());

            assertThat(parked.wokenWithin(SOON)).isTrue();
        }
    }

    @Test
    void shouldWakeOnlyOnceTheBatchHasEnded()
    {
        assertWokenOnlyAfterTheBatch(Wakeups::unpark);
    }

    @Test
    void shouldMakeAnInnerBatchPartOfTheOuterOne()
    {
        assertWokenOnlyAfterTheBatch(thread -> Wakeups.inBatch(() -> Wakeups.unpark(thread)));
    }

    @Test
    void shouldStillWakeWhenTheBatchThrows()
    {
        try (ParkedThread parked = new ParkedThread())
        {
            assertThatThrownBy(() -> Wakeups.inBatch(() ->
            {
                Wakeups.unpark(parked.thread());
                throw new IllegalStateException("completion failed");
            })).hasMessage("completion failed");

            assertThat(parked.wokenWithin(SOON)).isTrue();
        }
        try (ParkedThread next = new ParkedThread())
        {
            Wakeups.unpark(next.thread());

            assertThat(next.wokenWithin(SOON)).as("the failed batch has ended").isTrue();
        }
    }

    /**
     * Runs {@code asking} in a batch, given a parked thread, and checks that the thread is woken only once
     * the batch has ended.
     */
    private static void assertWokenOnlyAfterTheBatch(final Consumer<Thread> asking)
    {
        try (ParkedThread parked = new ParkedThread())
        {
            final AtomicBoolean wokenInBatch = new AtomicBoolean(true);

            Wakeups.inBatch(() ->
            {
                asking.accept(parked.thread());
                wokenInBatch.set(parked.wokenWithin(NOT_YET));
            });

            assertThat(wokenInBatch).isFalse();
            assertThat(parked.wokenWithin(SOON)).isTrue();
        }
    }
}
