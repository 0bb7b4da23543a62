package dev.quire.engine.internal;

import dev.quire.store.Journal;
import dev.quire.store.record.DeliveryFailure;
import dev.quire.store.record.StoredMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * The index entry of one message on one queue: where its record is, what dispatch needs to know, and
 * its delivery state. The body is not here for persistent messages: it stays in the journal and is read
 * when the message is dispatched. Kept small (72 bytes on a 64-bit JVM with compressed references:
 * the two delivery flags share one byte) because there is one per pending message; what only some
 * messages need lives in {@link Extras}. Owned by the engine thread.
 */
final class MessageRef
{
    static final byte PENDING = 0;
    static final byte SCHEDULED = 1;
    static final byte IN_FLIGHT = 2;
    static final byte IN_TRANSACTION = 3;
    static final byte GONE = 4;
    static final byte UNCOMMITTED = 5;

    private static final byte ATTEMPT_UNRECORDED = 1;
    private static final byte POSSIBLY_DELIVERED = 2;

    final long seq;
    final long expiration;
    final byte priority;
    final boolean persistent;
    long position = Journal.NO_POSITION;
    long visibleAt;
    int deliveryCount;
    byte state = PENDING;
    StoredMessage message;
    QueueState queue;
    MessageRef prev;
    MessageRef next;
    private byte flags;
    private Extras extras;

    MessageRef(final long seq, final StoredMessage message, final boolean persistent)
    {
        this(seq, message.priority(), message.timestamp(), message.expiration(), message.deliveryTime(), persistent);
    }

    /**
     * A message known by its header (also one rebuilt from the journal, its body left there). A delivery
     * time not after its timestamp means no delivery delay: the message is visible at once, even when the
     * sender's clock is a little ahead of the engine's.
     */
    MessageRef(final long seq, final int priority, final long timestamp, final long expiration,
        final long deliveryTime, final boolean persistent)
    {
        this.seq = seq;
        this.priority = (byte)priority;
        this.expiration = expiration;
        this.visibleAt = deliveryTime > timestamp ? deliveryTime : 0;
        this.persistent = persistent;
    }

    /**
     * The same message moved to another queue (dead-letter or expiry): it no longer expires or waits,
     * remembers where it was sent and keeps its history.
     */
    MessageRef(final MessageRef original)
    {
        this.seq = original.seq;
        this.priority = original.priority;
        this.expiration = 0;
        this.visibleAt = 0;
        this.persistent = original.persistent;
        this.position = original.position;
        this.message = original.message;
        final Extras moved = extras();
        moved.destination = original.destination();
        if (original.extras != null)
        {
            moved.failures = original.extras.failures;
        }
    }

    /**
     * A message rebuilt on a dead-letter or expiry queue from a snapshot.
     */
    static MessageRef moved(final long seq, final StoredMessage message, final String destination)
    {
        final MessageRef ref = new MessageRef(new MessageRef(seq, message, message.persistent()), destination);
        ref.message = message.persistent() ? null : message;
        return ref;
    }

    private MessageRef(final MessageRef pending, final String destination)
    {
        this.seq = pending.seq;
        this.priority = pending.priority;
        this.expiration = 0;
        this.visibleAt = 0;
        this.persistent = pending.persistent;
        extras().destination = destination;
    }

    /**
     * @return the delivery count as the journal knows it: without an attempt under way that was not
     *         recorded (a snapshot must not count an attempt a release may still undo).
     */
    int recordedDeliveryCount()
    {
        return attemptUnrecorded() ? deliveryCount - 1 : deliveryCount;
    }

    /**
     * @return true while the current delivery attempt is counted but not yet recorded in the journal.
     */
    boolean attemptUnrecorded()
    {
        return (flags & ATTEMPT_UNRECORDED) != 0;
    }

    void attemptUnrecorded(final boolean unrecorded)
    {
        flags = (byte)(unrecorded ? flags | ATTEMPT_UNRECORDED : flags & ~ATTEMPT_UNRECORDED);
    }

    /**
     * @return true when the message may have been delivered before a restart that did not record it.
     */
    boolean possiblyDelivered()
    {
        return (flags & POSSIBLY_DELIVERED) != 0;
    }

    void possiblyDelivered(final boolean possibly)
    {
        flags = (byte)(possibly ? flags | POSSIBLY_DELIVERED : flags & ~POSSIBLY_DELIVERED);
    }

    boolean expiredAt(final long now)
    {
        return expiration != 0 && expiration <= now;
    }

    /**
     * @return the destination the message was sent to.
     */
    String destination()
    {
        if (extras != null && extras.destination != null)
        {
            return extras.destination;
        }
        return queue.topic != null ? queue.topic : queue.name;
    }

    /**
     * @return the position of the record that moved the message here (dead-lettered, expired), or
     *         {@link Journal#NO_POSITION}.
     */
    long annotationPosition()
    {
        return extras == null ? Journal.NO_POSITION : extras.annotationPosition;
    }

    void annotationPosition(final long position)
    {
        extras().annotationPosition = position;
    }

    /**
     * @return the delivery failures reported so far, oldest first.
     */
    List<DeliveryFailure> failures()
    {
        return extras == null || extras.failures == null ? List.of() : extras.failures;
    }

    void addFailure(final DeliveryFailure failure)
    {
        if (failure != null)
        {
            final Extras more = extras();
            if (more.failures == null)
            {
                more.failures = new ArrayList<>(2);
            }
            more.failures.add(failure);
        }
    }

    private Extras extras()
    {
        if (extras == null)
        {
            extras = new Extras();
        }
        return extras;
    }

    /**
     * What only some messages need: those that failed or moved.
     */
    private static final class Extras
    {
        String destination;
        long annotationPosition = Journal.NO_POSITION;
        List<DeliveryFailure> failures;
    }
}
