package dev.quire.store.chronicle.internal;

import dev.quire.store.MessageReplayHandler;
import dev.quire.store.RecordType;
import dev.quire.store.record.MessageAcknowledged;
import net.openhft.chronicle.bytes.Bytes;
import org.agrona.collections.LongArrayList;

import java.util.List;

/**
 * Hands journal frames to a {@link MessageReplayHandler} with their sent messages decoded only as far as
 * their headers: a {@code MESSAGE_SENT} record becomes one {@link MessageHeaderFlyweight}, a
 * {@code TRANSACTION_COMMITTED} record its sends followed by its acknowledgements, every other record is
 * decoded in full. Each frame is checked as completely as a full decode checks it (type, version,
 * checksum, every length and code, no trailing bytes) before any of it is handed over.
 * <p>
 * Holds reusable buffers: one instance per replaying thread.
 */
public final class MessageHeaderDecoder
{
    private final RecordEnvelope envelope = new RecordEnvelope();
    private final RecordEnvelope.Decoded decoded = new RecordEnvelope.Decoded();
    private final MessageHeaderFlyweight message = new MessageHeaderFlyweight();
    private final LongArrayList sendOffsets = new LongArrayList();
    private List<MessageAcknowledged> acks = List.of();

    /**
     * Creates a decoder with empty buffers.
     */
    public MessageHeaderDecoder()
    {
    }

    /**
     * @param frame    a frame, positioned at its start.
     * @param position its position in the journal.
     * @param handler  receives its messages and records.
     */
    public void decode(final Bytes<?> frame, final long position, final MessageReplayHandler handler)
    {
        final RecordType type = envelope.open(frame, position, decoded);
        final Bytes<byte[]> payload = envelope.payload();
        try
        {
            read(type, payload, position);
        }
        catch (final RuntimeException ex)
        {
            throw DecodeChecks.damaged(position, ex);
        }
        switch (type)
        {
            case MESSAGE_SENT -> handler.onMessage(position, message, decoded.origin);
            case TRANSACTION_COMMITTED -> handOverTransaction(payload, position, handler);
            default -> handler.onRecord(position, decoded.record, decoded.origin);
        }
    }

    private void read(final RecordType type, final Bytes<byte[]> payload, final long position)
    {
        if (type == RecordType.MESSAGE_SENT)
        {
            RecordCodec.checkVersion(type, envelope.version());
            message.wrap(payload, position);
            RecordCodec.checkFullyRead(type, payload);
        }
        else if (type == RecordType.TRANSACTION_COMMITTED)
        {
            RecordCodec.checkVersion(type, envelope.version());
            sendOffsets.clear();
            acks = RecordCodec.readTransactionHeaders(payload, message, position, sendOffsets);
            RecordCodec.checkFullyRead(type, payload);
        }
        else
        {
            decoded.record = RecordCodec.decode(type, envelope.version(), payload);
        }
    }

    private void handOverTransaction(final Bytes<byte[]> payload, final long position,
        final MessageReplayHandler handler)
    {
        for (int i = 0; i < sendOffsets.size(); i++)
        {
            payload.readPosition(sendOffsets.getLong(i));
            message.wrap(payload, position);
            handler.onMessage(position, message, decoded.origin);
        }
        for (final MessageAcknowledged ack : acks)
        {
            handler.onRecord(position, ack, decoded.origin);
        }
    }
}
