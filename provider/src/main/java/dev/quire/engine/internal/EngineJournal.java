package dev.quire.engine.internal;

import dev.quire.store.Durability;
import dev.quire.store.Journal;
import dev.quire.store.JournalRecord;

import java.util.ArrayDeque;

/**
 * The engine's side of the journal: appends records and runs actions once their record is as durable
 * as the broker promises, without ever blocking the engine thread. In {@code sync} mode an action waits
 * for the flusher (asked for with {@link Journal#requestFlush(long)}); in the other modes it runs at once,
 * except actions that need a real flush whatever the mode (XA prepare).
 */
final class EngineJournal
{
    private final Journal journal;
    private final boolean syncMode;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();

    EngineJournal(final Journal journal, final Durability durability)
    {
        this.journal = journal;
        this.syncMode = durability == Durability.SYNC;
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
     * Runs {@code action} once the record at {@code position} is on disk, whatever the durability mode.
     */
    void afterFlushed(final long position, final Runnable action)
    {
        if (journal.durablePosition() >= position && waiting.isEmpty())
        {
            action.run();
            return;
        }
        journal.requestFlush(position);
        waiting.addLast(new Waiting(position, action));
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
}
