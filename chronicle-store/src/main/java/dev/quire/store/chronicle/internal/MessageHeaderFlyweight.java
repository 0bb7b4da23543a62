package dev.quire.store.chronicle.internal;

import dev.quire.store.ReplayedMessage;
import dev.quire.store.record.StoredMessage;
import net.openhft.chronicle.bytes.Bytes;

import static dev.quire.store.chronicle.internal.DecodeChecks.skipRequiredString;

/**
 * One message slot of a record (the encoding {@link RecordCodec} gives a sent message: sequence,
 * destination, then the message) read in place: the header is decoded, the rest is checked and
 * skipped, and {@link #destination()} and {@link #message()} decode from the payload when asked (the
 * destination through a cache of recent names).
 * Reused for every slot; valid while its payload is not overwritten.
 */
final class MessageHeaderFlyweight implements ReplayedMessage
{
    private final DestinationNames destinations = new DestinationNames();
    private Bytes<byte[]> payload;
    private long position;
    private long messageSeq;
    private long destinationOffset;
    private long messageOffset;
    private boolean persistent;
    private int priority;
    private long timestamp;
    private long expiration;
    private long deliveryTime;

    /**
     * Reads the slot at the payload's read position, leaving the read position after it.
     *
     * @param in       the verified payload of a record, on the heap.
     * @param position the record's position, for error messages.
     */
    void wrap(final Bytes<byte[]> in, final long position)
    {
        payload = in;
        this.position = position;
        messageSeq = in.readLong();
        destinationOffset = in.readPosition();
        skipRequiredString(in, "destination");
        messageOffset = in.readPosition();
        MessageCodec.readHeader(in, this);
    }

    void header(final boolean persistent, final int priority, final long timestamp, final long expiration,
        final long deliveryTime)
    {
        this.persistent = persistent;
        this.priority = priority;
        this.timestamp = timestamp;
        this.expiration = expiration;
        this.deliveryTime = deliveryTime;
    }

    @Override
    public long messageSeq()
    {
        return messageSeq;
    }

    @Override
    public String destination()
    {
        try
        {
            return destinations.name(payload, destinationOffset, messageOffset);
        }
        catch (final RuntimeException ex)
        {
            throw DecodeChecks.damaged(position, ex);
        }
    }

    @Override
    public boolean persistent()
    {
        return persistent;
    }

    @Override
    public int priority()
    {
        return priority;
    }

    @Override
    public long timestamp()
    {
        return timestamp;
    }

    @Override
    public long expiration()
    {
        return expiration;
    }

    @Override
    public long deliveryTime()
    {
        return deliveryTime;
    }

    @Override
    public StoredMessage message()
    {
        final long readPosition = payload.readPosition();
        try
        {
            payload.readPosition(messageOffset);
            return MessageCodec.read(payload);
        }
        catch (final RuntimeException ex)
        {
            throw DecodeChecks.damaged(position, ex);
        }
        finally
        {
            payload.readPosition(readPosition);
        }
    }
}
