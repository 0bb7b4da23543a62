package dev.quire.engine.internal;

import dev.quire.store.Journal;
import dev.quire.store.record.DeliveryFailure;
import dev.quire.store.record.StoredMessage;
import org.agrona.collections.LongArrayList;

import java.util.ArrayList;
import java.util.List;

/**
 * The index entry of one message on one queue: where its record is, what dispatch needs to know, and
 * its delivery state. The body is not here for persistent messages: it stays in the journal and is read
 * when the message is dispatched. Owned by the engine thread.
 */
final class MessageRef
{
    static final byte PENDING = 0;
    static final byte SCHEDULED = 1;
    static final byte IN_FLIGHT = 2;
    static final byte IN_TRANSACTION = 3;
    static final byte GONE = 4;
    static final byte UNCOMMITTED = 5;

    final long seq;
    final int priority;
    final long expiration;
    final boolean persistent;
    final String destination;
    long position = Journal.NO_POSITION;
    long annotationPosition = Journal.NO_POSITION;
    StoredMessage message;
    long visibleAt;
    int deliveryCount;
    boolean possiblyDelivered;
    byte state = PENDING;
    QueueState queue;
    MessageRef prev;
    MessageRef next;
    long deliveryTag;
    ConsumerState consumer;
    List<DeliveryFailure> failures;
    LongArrayList statePositions;

    MessageRef(final long seq, final String destination, final StoredMessage message, final boolean persistent)
    {
        this.seq = seq;
        this.destination = destination;
        this.priority = message.priority();
        this.expiration = message.expiration();
        this.visibleAt = message.deliveryTime();
        this.persistent = persistent;
    }

    /**
     * The same message moved to another queue (dead-letter or expiry): it no longer expires or waits.
     */
    MessageRef(final MessageRef original)
    {
        this.seq = original.seq;
        this.destination = original.destination;
        this.priority = original.priority;
        this.expiration = 0;
        this.visibleAt = 0;
        this.persistent = original.persistent;
        this.position = original.position;
        this.message = original.message;
    }

    boolean expiredAt(final long now)
    {
        return expiration != 0 && expiration <= now;
    }

    /**
     * Remembers a record that holds part of this message's state (a delivery count, a failure), so that
     * compaction keeps it while the message lives.
     */
    void addStatePosition(final long position)
    {
        if (statePositions == null)
        {
            statePositions = new LongArrayList(2, Journal.NO_POSITION);
        }
        statePositions.addLong(position);
    }

    void addFailure(final DeliveryFailure failure)
    {
        if (failure != null)
        {
            if (failures == null)
            {
                failures = new ArrayList<>(2);
            }
            failures.add(failure);
        }
    }
}
