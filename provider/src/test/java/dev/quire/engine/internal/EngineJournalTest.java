package dev.quire.engine.internal;

import dev.quire.engine.ParkedThread;
import dev.quire.engine.Wakeups;
import dev.quire.store.Durability;
import dev.quire.store.DurabilityListener;
import dev.quire.store.Journal;
import dev.quire.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class EngineJournalTest
{
    private DurabilityListener listener;
    private long requestedPosition = Journal.NO_POSITION;

    @Test
    void shouldTellACallerOnlyOnceItsRecordIsOnDisk()
    {
        final EngineJournal journal = new EngineJournal(journal(), Durability.SYNC);
        final CompletableFuture<Void> done = new CompletableFuture<>();

        journal.completeWhenStored(5, done);

        assertThat(done).isNotDone();
        assertThat(requestedPosition).isEqualTo(5);
        listener.onDurable(4);
        assertThat(done).isNotDone();
        listener.onDurable(5);
        assertThat(done).isCompleted();
    }

    @Test
    void shouldTellACallerAtOnceWhenTheModeDoesNotWaitForTheDisk()
    {
        final EngineJournal journal = new EngineJournal(journal(), Durability.ASYNC);
        final CompletableFuture<Void> done = new CompletableFuture<>();

        journal.completeWhenStored(5, done);

        assertThat(done).isCompleted();
    }

    @Test
    void shouldFailWaitingAndLaterCallersWhenAFlushFails()
    {
        final EngineJournal journal = new EngineJournal(journal(), Durability.SYNC);
        final CompletableFuture<Void> waiting = new CompletableFuture<>();
        journal.completeWhenStored(5, waiting);

        listener.onFailure(new StoreException(StoreException.Kind.IO, "disk gone"));
        final CompletableFuture<Void> later = new CompletableFuture<>();
        journal.completeWhenStored(6, later);

        assertThat(waiting).isCompletedExceptionally();
        assertThat(later).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
            .withCauseInstanceOf(StoreException.class).withMessageContaining("disk gone");
    }

    @Test
    void shouldPutOffTheWakeUpsCompletionsAskForUntilAllTheFlushStoredAreTold()
    {
        final EngineJournal journal = new EngineJournal(journal(), Durability.SYNC);
        final CompletableFuture<Void> first = new CompletableFuture<>();
        final CompletableFuture<Void> second = new CompletableFuture<>();
        final AtomicBoolean wokenBeforeTheLast = new AtomicBoolean(true);
        journal.completeWhenStored(5, first);
        journal.completeWhenStored(6, second);
        try (ParkedThread parked = new ParkedThread())
        {
            first.thenRun(() -> Wakeups.unpark(parked.thread()));
            second.thenRun(() -> wokenBeforeTheLast.set(parked.wokenWithin(Duration.ofMillis(200))));

            listener.onDurable(6);

            assertThat(wokenBeforeTheLast).isFalse();
            assertThat(parked.wokenWithin(Duration.ofSeconds(10))).isTrue();
        }
    }

    /**
     * A journal with nothing on disk that records the flushes asked for and its durability listener.
     */
    private Journal journal()
    {
        return (Journal)Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Journal.class},
            (proxy, method, args) -> switch (method.getName())
            {
                case "addDurabilityListener" ->
                {
                    listener = (DurabilityListener)args[0];
                    yield null;
                }
                case "durablePosition" -> Journal.NO_POSITION;
                case "requestFlush" ->
                {
                    requestedPosition = (Long)args[0];
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }
}
