package dev.quire.engine.internal;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Producer flow control for messages kept only in memory (non-persistent ones, and any sent to a
 * temporary queue or non-durable subscription): a send to a queue whose consumers are falling behind is
 * confirmed only once they have caught up, so a producer that outpaces them waits instead of filling the
 * heap, and the messages in between stay few, which keeps their latency low.
 * <p>
 * A send is held while its queue has more than {@link #HIGH_WATER} messages waiting and consumers that
 * took one within the last {@link #STALL_MILLIS}; the held sends are confirmed when it is down to
 * {@link #LOW_WATER}, when it has no consumer left, or when its consumers have taken nothing for that
 * long. Consumers that are not taking (a stopped connection, a selector that matches none of the
 * messages, an application that sends everything before it receives on the same thread) therefore never
 * hold a producer up for longer than that. Persistent messages on durable queues are not
 * held: their bodies stay in the journal, so a deep queue costs little memory.
 */
public final class FlowControl
{
    /** Waiting messages above which a queue's in-memory sends are held. */
    public static final int HIGH_WATER = 64;
    /** Waiting messages at which the held sends are confirmed. */
    public static final int LOW_WATER = HIGH_WATER / 2;
    /** How long consumers may take nothing before the held sends are confirmed anyway. */
    public static final long STALL_MILLIS = 10;

    private final EngineState state;
    private final List<QueueState> holding = new ArrayList<>();

    FlowControl(final EngineState state)
    {
        this.state = state;
    }

    /**
     * Confirms an in-memory send now, or holds it while one of its queues is over the high-water mark.
     *
     * @param refs the message's entries, already on their queues.
     * @param done the send's confirmation.
     */
    void confirmWhenRoom(final List<MessageRef> refs, final CompletableFuture<Void> done)
    {
        for (int i = 0; i < refs.size(); i++)
        {
            final QueueState queue = refs.get(i).queue;
            if (queue.lanes.size() > HIGH_WATER && !queue.consumers.isEmpty() && !stalled(queue))
            {
                hold(queue, done);
                return;
            }
        }
        done.complete(null);
    }

    private void hold(final QueueState queue, final CompletableFuture<Void> done)
    {
        if (queue.heldSends == null)
        {
            queue.heldSends = new ArrayDeque<>();
        }
        if (queue.heldSends.isEmpty())
        {
            holding.add(queue);
        }
        queue.heldSends.add(done);
    }

    /**
     * Confirms the held sends of every queue that has room again or whose consumers stalled; called at the
     * end of each round of engine work.
     */
    void release()
    {
        for (int i = holding.size() - 1; i >= 0; i--)
        {
            final QueueState queue = holding.get(i);
            if (queue.lanes.size() <= LOW_WATER || queue.consumers.isEmpty() || stalled(queue))
            {
                confirmAll(queue);
                holding.remove(i);
            }
        }
    }

    /**
     * Confirms every held send; called when the engine stops.
     */
    void releaseAll()
    {
        holding.forEach(FlowControl::confirmAll);
        holding.clear();
    }

    /**
     * @return true when no consumer has taken a message from the queue for {@link #STALL_MILLIS}.
     */
    private boolean stalled(final QueueState queue)
    {
        return state.now - queue.lastTakenAt >= STALL_MILLIS;
    }

    private static void confirmAll(final QueueState queue)
    {
        CompletableFuture<Void> done;
        while ((done = queue.heldSends.pollFirst()) != null)
        {
            done.complete(null);
        }
    }
}
