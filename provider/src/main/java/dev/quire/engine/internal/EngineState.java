package dev.quire.engine.internal;

import dev.quire.engine.BrokerContext;
import dev.quire.engine.BrokerException;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state every part of the engine shares: the journal, the registries of sessions, consumers and
 * deliveries in flight, the queues waiting for dispatch, the timers, the clock reading of the current
 * duty cycle and the id counters. Owned by the engine thread.
 */
final class EngineState
{
    final BrokerContext context;
    final EngineJournal journal;
    final MessageReader reader;
    final SplittableRandom random;
    final Long2ObjectHashMap<SessionState> sessions = new Long2ObjectHashMap<>();
    final Long2ObjectHashMap<ConsumerState> consumers = new Long2ObjectHashMap<>();
    final Long2ObjectHashMap<MessageRef> inFlight = new Long2ObjectHashMap<>();
    final ArrayDeque<QueueState> dispatchQueue = new ArrayDeque<>();
    final PriorityQueue<MessageRef> timers = new PriorityQueue<>((a, b) ->
        a.visibleAt != b.visibleAt ? Long.compare(a.visibleAt, b.visibleAt) : Long.compare(a.seq, b.seq));
    long now;
    long nextMessageSeq = 1;
    long nextDeliveryTag = 1;
    private final AtomicLong nextId = new AtomicLong(1);
    /** The broker started after a crash: messages it recovered record each attempt before delivery. */
    boolean recoveredFromCrash;

    EngineState(final BrokerContext context, final EngineJournal journal, final MessageReader reader)
    {
        this.context = context;
        this.journal = journal;
        this.reader = reader;
        this.random = new SplittableRandom(context.randomSeed());
    }

    /**
     * @return a new id for a session, consumer or transaction; callable from any thread, so that a caller
     *         can name a transaction before the engine has begun it.
     */
    long newId()
    {
        return nextId.getAndIncrement();
    }

    void markForDispatch(final QueueState queue)
    {
        if (!queue.dispatchPending && !queue.consumers.isEmpty())
        {
            queue.dispatchPending = true;
            dispatchQueue.addLast(queue);
        }
    }

    SessionState session(final long sessionId)
    {
        final SessionState session = sessions.get(sessionId);
        if (session == null)
        {
            throw new BrokerException(BrokerException.Reason.UNKNOWN_ID, "no open session " + sessionId);
        }
        return session;
    }

    ConsumerState consumer(final long consumerId)
    {
        final ConsumerState consumer = consumers.get(consumerId);
        if (consumer == null)
        {
            throw new BrokerException(BrokerException.Reason.UNKNOWN_ID, "no open consumer " + consumerId);
        }
        return consumer;
    }
}
