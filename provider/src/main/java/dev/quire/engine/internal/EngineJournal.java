package dev.quire.engine.internal;

import dev.quire.engine.Wakeups;
import dev.quire.store.Durability;
import dev.quire.store.DurabilityListener;
import dev.quire.store.Journal;
import dev.quire.store.JournalRecord;
import dev.quire.store.StoreException;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The engine's side of the journal: appends records and runs actions once their record is as durable
 * as the broker promises, without ever blocking the engine thread. In {@code sync} mode an action waits
 * for the flusher (asked for with {@link Journal#requestFlush(long)}); in the other modes it runs at once,
 * except actions that need a real flush whatever the mode (XA prepare).
 * <p>
 * A caller waiting for its send or commit is told by the flusher thread itself, the moment the flush
 * ends ({@link #completeWhenStored}), rather than by the engine thread after it has been woken: one
 * thread hand-off less on the path of every synchronous send. The engine's own actions (putting the
 * messages on their queues) still run on the engine thread, which runs them before the next command, so
 * whatever a caller does after being told happens after them.
 */
final class EngineJournal
{
    private final Journal journal;
    private final boolean syncMode;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Completion> completions = new ConcurrentLinkedQueue<>();
    private volatile StoreException flushFailure;
    /** The highest position asked of the flusher; engine thread only. */
    private long requestedPosition = Journal.NO_POSITION;

    EngineJournal(final Journal journal, final Durability durability)
    {
        this.journal = journal;
        this.syncMode = durability == Durability.SYNC;
        journal.addDurabilityListener(new DurabilityListener()
        {
            @Override
            public void onDurable(final long durablePosition)
            {
                Wakeups.inBatch(() -> completeUpTo(durablePosition));
            }

            @Override
            public void onFailure(final StoreException failure)
            {
                failWaiting(failure);
            }
        });
    }

    Journal journal()
    {
        return journal;
    }

    long append(final JournalRecord record)
    {
        return journal.append(record);
    }

    /**
     * Runs {@code action} once the record at {@code position} is stored as the durability mode promises.
     */
    void afterStored(final long position, final Runnable action)
    {
        if (syncMode)
        {
            afterFlushed(position, action);
        }
        else
        {
            action.run();
        }
    }

    /**
     * Completes {@code done} once the record at {@code position} is stored as the durability mode promises:
     * at once in the modes that do not wait for the disk, else on the flusher thread when the flush that
     * covers it ends (asked for here). Register the record's engine actions ({@link #afterStored}) first.
     * When a flush has failed, {@code done} fails with that failure: the record may or may not be on disk.
     */
    void completeWhenStored(final long position, final CompletableFuture<Void> done)
    {
        if (!syncMode || journal.durablePosition() >= position)
        {
            done.complete(null);
            return;
        }
        completions.add(new Completion(position, done));
        requestFlush(position);
        final StoreException failed = flushFailure;
        if (failed != null)
        {
            failWaiting(failed);
        }
        else if (journal.durablePosition() >= position)
        {
            completeUpTo(journal.durablePosition());
        }
    }

    /**
     * Completes the waiting callers whose records are on disk; called by the flusher after each flush,
     * and by the engine when a flush ended while it was registering a caller.
     */
    private synchronized void completeUpTo(final long durable)
    {
        Completion next;
        while ((next = completions.peek()) != null && next.position <= durable)
        {
            completions.poll();
            next.done.complete(null);
        }
    }

    /**
     * Fails every waiting caller: a flush failed, so their records will never be promised durable.
     */
    private synchronized void failWaiting(final StoreException failure)
    {
        flushFailure = failure;
        Completion next;
        while ((next = completions.poll()) != null)
        {
            next.done.completeExceptionally(new StoreException(failure.kind(),
                "the message may or may not be on disk: " + failure.getMessage(), failure));
        }
    }

    /**
     * Runs {@code action} once the record at {@code position} is on disk, whatever the durability mode.
     */
    void afterFlushed(final long position, final Runnable action)
    {
        if (journal.durablePosition() >= position && waiting.isEmpty())
        {
            action.run();
            return;
        }
        requestFlush(position);
        waiting.addLast(new Waiting(position, action));
    }

    /**
     * Asks the flusher for {@code position} unless it was asked for it already: a synchronous send registers
     * both its engine action and its caller for the same record, and one request covers both.
     */
    private void requestFlush(final long position)
    {
        if (position > requestedPosition)
        {
            requestedPosition = position;
            journal.requestFlush(position);
        }
    }

    /**
     * Runs the actions whose records have reached the disk.
     *
     * @return how many ran.
     */
    int poll()
    {
        if (waiting.isEmpty())
        {
            return 0;
        }
        final long durable = journal.durablePosition();
        int ran = 0;
        Waiting next;
        while ((next = waiting.peekFirst()) != null && next.position <= durable)
        {
            waiting.pollFirst();
            next.action.run();
            ran++;
        }
        return ran;
    }

    /**
     * @return the position of the oldest record whose action still waits for the disk, or
     *         {@link Journal#NO_POSITION} when nothing waits.
     */
    long oldestWaitingPosition()
    {
        final Waiting oldest = waiting.peekFirst();
        return oldest == null ? Journal.NO_POSITION : oldest.position;
    }

    private record Waiting(long position, Runnable action)
    {
    }

    private record Completion(long position, CompletableFuture<Void> done)
    {
    }
}
