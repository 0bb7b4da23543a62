package dev.quire.engine.internal;

import dev.quire.engine.BrowsedMessage;
import dev.quire.engine.Delivery;
import dev.quire.engine.MessageFilter;
import dev.quire.engine.RedeliveryPolicy;
import dev.quire.store.record.DeadLetterReason;
import dev.quire.store.record.DeliveryAttempted;
import dev.quire.store.record.DeliveryFailure;
import dev.quire.store.record.MessageAcknowledged;
import dev.quire.store.record.MessageDeadLettered;
import dev.quire.store.record.MessageExpired;
import dev.quire.store.record.RedeliveryScheduled;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves messages through their life on a queue: pending in its priority lane or waiting for a timer,
 * handed to a consumer with credit, then acknowledged, released, redelivered under the queue's policy,
 * dead-lettered or expired. Every durable change is written to the journal as it happens.
 */
final class Deliveries
{
    private final EngineState state;
    private final Destinations destinations;
    private final List<ConsumerState> handedOver = new ArrayList<>();

    Deliveries(final EngineState state, final Destinations destinations)
    {
        this.state = state;
        this.destinations = destinations;
    }

    /**
     * Puts a message on its queue: into its lane, or onto the timers while it is not yet visible.
     */
    void enqueue(final QueueState queue, final MessageRef ref)
    {
        ref.queue = queue;
        if (ref.visibleAt > state.now)
        {
            schedule(ref, ref.visibleAt);
        }
        else
        {
            ref.state = MessageRef.PENDING;
            queue.lanes.add(ref);
            state.markForDispatch(queue);
        }
    }

    private void schedule(final MessageRef ref, final long visibleAt)
    {
        ref.state = MessageRef.SCHEDULED;
        ref.visibleAt = visibleAt;
        ref.queue.scheduled++;
        state.timers.add(ref);
    }

    /**
     * Moves messages whose time has come from the timers into their lanes.
     *
     * @return how many moved.
     */
    int fireTimers()
    {
        int fired = 0;
        MessageRef ref;
        while ((ref = state.timers.peek()) != null && ref.visibleAt <= state.now)
        {
            state.timers.poll();
            if (ref.state == MessageRef.SCHEDULED)
            {
                ref.queue.scheduled--;
                ref.state = MessageRef.PENDING;
                ref.queue.lanes.add(ref);
                state.markForDispatch(ref.queue);
                fired++;
            }
        }
        return fired;
    }

    /**
     * Dispatches every queue that has new messages or new credit.
     *
     * @return how many queues were looked at.
     */
    int dispatch()
    {
        int queues = 0;
        QueueState queue;
        while ((queue = state.dispatchQueue.pollFirst()) != null)
        {
            queue.dispatchPending = false;
            dispatch(queue);
            queues++;
        }
        return queues;
    }

    private void dispatch(final QueueState queue)
    {
        int misses = 0;
        while (!queue.lanes.isEmpty() && misses < queue.consumers.size())
        {
            final ConsumerState consumer = queue.nextConsumerWithCredit();
            if (consumer == null)
            {
                return;
            }
            final MessageRef ref = nextFor(queue, consumer);
            if (ref == null)
            {
                misses++;
            }
            else
            {
                misses = 0;
                deliver(consumer, ref);
            }
        }
    }

    /**
     * @return the first message in delivery order the consumer may see, expiring the expired ones met.
     */
    private MessageRef nextFor(final QueueState queue, final ConsumerState consumer)
    {
        MessageRef ref = unexpiredFrom(queue, queue.lanes.first());
        while (ref != null)
        {
            final MessageRef after = queue.lanes.after(ref);
            if (policyOf(queue).exhausted(ref.deliveryCount))
            {
                queue.lanes.remove(ref);
                deadLetter(ref, DeadLetterReason.MAX_DELIVERIES, policyOf(queue).deadLetterQueueFor(queue.policyName()), null);
            }
            else if (consumer.acceptsAll() || consumer.spec.filter().matches(state.reader.read(ref), ref.deliveryCount + 1))
            {
                return ref;
            }
            ref = unexpiredFrom(queue, after);
        }
        return null;
    }

    /**
     * @return the first message at or after {@code ref} in delivery order that has not expired, expiring
     *         those that have on the way; or null.
     */
    private MessageRef unexpiredFrom(final QueueState queue, final MessageRef ref)
    {
        MessageRef candidate = ref;
        while (candidate != null && candidate.expiredAt(state.now))
        {
            final MessageRef after = queue.lanes.after(candidate);
            queue.lanes.remove(candidate);
            expire(candidate);
            candidate = after;
        }
        return candidate;
    }

    private void deliver(final ConsumerState consumer, final MessageRef ref)
    {
        final QueueState queue = ref.queue;
        queue.lanes.remove(ref);
        ref.state = MessageRef.IN_FLIGHT;
        ref.deliveryCount++;
        final long tag = state.nextDeliveryTag++;
        queue.inFlight++;
        queue.lastTakenAt = state.now;
        consumer.credit--;
        consumer.session.unacknowledged.put(tag, ref);
        state.inFlight.put(tag, ref);
        ref.attemptUnrecorded(true);
        final boolean recoveredAfterCrash = ref.possiblyDelivered() && state.recoveredFromCrash;
        if ((consumer.spec.recordDeliveryAttempts() || recoveredAfterCrash) && journaled(ref))
        {
            state.journal.append(new DeliveryAttempted(queue.name, ref.seq, ref.deliveryCount));
            ref.attemptUnrecorded(false);
        }
        consumer.sink.deliver(new Delivery(consumer.id, tag, queue.name, ref.destination(), ref.seq,
            ref.deliveryCount, ref.deliveryCount > 1 || ref.possiblyDelivered(), state.reader.read(ref)));
        if (!consumer.handedOver)
        {
            consumer.handedOver = true;
            handedOver.add(consumer);
        }
    }

    /**
     * Ends a round of engine work: tells each consumer's sink that was handed deliveries in it.
     */
    void endRound()
    {
        for (int i = 0; i < handedOver.size(); i++)
        {
            final ConsumerState consumer = handedOver.get(i);
            consumer.handedOver = false;
            consumer.sink.handedOver();
        }
        handedOver.clear();
    }

    /**
     * Takes a delivery back from the session holding it.
     *
     * @return the message, or null when the tag is not (or no longer) held by the session.
     */
    MessageRef take(final SessionState session, final long deliveryTag)
    {
        final MessageRef ref = session.unacknowledged.remove(deliveryTag);
        if (ref != null)
        {
            state.inFlight.remove(deliveryTag);
            ref.queue.inFlight--;
        }
        return ref;
    }

    /**
     * The message was consumed: it leaves its queue for good.
     */
    void acknowledge(final MessageRef ref)
    {
        if (journaled(ref))
        {
            state.journal.append(new MessageAcknowledged(ref.queue.name, ref.seq));
        }
        ref.state = MessageRef.GONE;
    }

    /**
     * The message was prefetched but never given to the application: it goes back as if never delivered.
     */
    void release(final MessageRef ref)
    {
        ref.deliveryCount--;
        ref.attemptUnrecorded(false);
        ref.visibleAt = 0;
        enqueue(ref.queue, ref);
    }

    /**
     * A delivery failed: the message comes back after its policy's delay, or goes to its dead-letter
     * queue when it has had all its attempts.
     *
     * @param failure why, or null when the consumer gave no reason (rollback, recover).
     */
    void redeliver(final MessageRef ref, final DeliveryFailure failure)
    {
        final QueueState queue = ref.queue;
        final RedeliveryPolicy policy = policyOf(queue);
        ref.attemptUnrecorded(false);
        ref.addFailure(failure);
        if (policy.exhausted(ref.deliveryCount))
        {
            deadLetter(ref, DeadLetterReason.MAX_DELIVERIES, policy.deadLetterQueueFor(queue.policyName()), failure);
            return;
        }
        final long redeliverAt = state.now + policy.delayFor(ref.deliveryCount, state.random.nextDouble());
        if (journaled(ref))
        {
            state.journal.append(new RedeliveryScheduled(queue.name, ref.seq, ref.deliveryCount, redeliverAt, failure));
        }
        ref.visibleAt = redeliverAt;
        enqueue(queue, ref);
    }

    /**
     * Moves a message to a dead-letter queue, in one record, with its failure history.
     *
     * @param failure the failure of the last attempt, or null when it reported none (a consumer process
     *                that died, a rollback).
     */
    void deadLetter(final MessageRef ref, final DeadLetterReason reason, final String deadLetterQueue,
        final DeliveryFailure failure)
    {
        final QueueState from = ref.queue;
        final QueueState target = destinations.createQueue(deadLetterQueue);
        final MessageRef moved = new MessageRef(ref);
        if (journaled(ref))
        {
            moved.annotationPosition(state.journal.append(new MessageDeadLettered(from.name, ref.seq, deadLetterQueue,
                reason, ref.deliveryCount, state.now, failure)));
        }
        else
        {
            moved.message = MovedMessages.annotate(state.reader.read(ref), ref.destination(), from.name, reason,
                ref.deliveryCount, state.now, failure);
        }
        ref.state = MessageRef.GONE;
        enqueue(target, moved);
    }

    /**
     * Records that a message expired and moves it to the expiry queue, or drops it when there is none.
     * The caller has taken it out of its lane.
     */
    void expire(final MessageRef ref)
    {
        final String expiryQueue = state.context.expiryQueue();
        final QueueState target = expiryQueue == null ? null : destinations.createQueue(expiryQueue);
        final MessageRef moved = target == null ? null : new MessageRef(ref);
        if (journaled(ref))
        {
            final long position = state.journal.append(new MessageExpired(ref.queue.name, ref.seq, expiryQueue, state.now));
            if (moved != null)
            {
                moved.annotationPosition(position);
            }
        }
        else if (moved != null)
        {
            moved.message = MovedMessages.annotate(state.reader.read(ref), ref.destination(), ref.queue.name,
                DeadLetterReason.EXPIRED, -1, state.now, null);
        }
        ref.state = MessageRef.GONE;
        if (moved != null)
        {
            enqueue(target, moved);
        }
    }

    /**
     * @return the messages a browser sees now, in delivery order; expired ones are expired on the way.
     */
    List<BrowsedMessage> browse(final QueueState queue, final MessageFilter filter)
    {
        final List<BrowsedMessage> browsed = new ArrayList<>();
        for (MessageRef ref = unexpiredFrom(queue, queue.lanes.first()); ref != null;
            ref = unexpiredFrom(queue, queue.lanes.after(ref)))
        {
            final var message = state.reader.read(ref);
            if (filter.matches(message, ref.deliveryCount + 1))
            {
                browsed.add(new BrowsedMessage(ref.seq, ref.deliveryCount, message));
            }
        }
        return browsed;
    }

    private RedeliveryPolicy policyOf(final QueueState queue)
    {
        if (queue.policy == null)
        {
            queue.policy = state.context.redeliveryPolicies().policyFor(queue.policyName());
        }
        return queue.policy;
    }

    private static boolean journaled(final MessageRef ref)
    {
        return ref.persistent && ref.queue.journaled() && ref.position != dev.quire.store.Journal.NO_POSITION;
    }
}
