package dev.quire.store.chronicle.internal;

import dev.quire.store.JournalRecord;
import dev.quire.store.RecordType;
import dev.quire.store.StoreException;
import dev.quire.store.record.DeadLetterReason;
import dev.quire.store.record.DeliveryAttempted;
import dev.quire.store.record.DeliveryFailure;
import dev.quire.store.record.DestinationCreated;
import dev.quire.store.record.DestinationDeleted;
import dev.quire.store.record.DestinationKind;
import dev.quire.store.record.MessageAcknowledged;
import dev.quire.store.record.MessageDeadLettered;
import dev.quire.store.record.MessageExpired;
import dev.quire.store.record.MessageSent;
import dev.quire.store.record.MessageSnapshot;
import dev.quire.store.record.RedeliveryScheduled;
import dev.quire.store.record.SubscriptionCreated;
import dev.quire.store.record.SubscriptionDeleted;
import dev.quire.store.record.TransactionCommitted;
import dev.quire.store.record.XaCommitted;
import dev.quire.store.record.XaPrepared;
import dev.quire.store.record.XaRolledBack;
import dev.quire.store.record.XidValue;
import net.openhft.chronicle.bytes.Bytes;
import org.agrona.collections.LongArrayList;

import java.util.ArrayList;
import java.util.List;

import static dev.quire.store.chronicle.internal.DecodeChecks.corrupt;
import static dev.quire.store.chronicle.internal.DecodeChecks.readCount;
import static dev.quire.store.chronicle.internal.DecodeChecks.readLength;
import static dev.quire.store.chronicle.internal.DecodeChecks.readRequiredString;
import static dev.quire.store.chronicle.internal.DecodeChecks.readString;

/**
 * Encodes the payload of every record type (the part after the {@link RecordEnvelope}). The layout of
 * each type is fixed for its {@link RecordType#version()}; changing it means a new version and a reader
 * for the old one.
 */
public final class RecordCodec
{
    private RecordCodec()
    {
    }

    /**
     * @param record the record to write.
     * @param out    where to write its payload.
     */
    public static void encode(final JournalRecord record, final Bytes<byte[]> out)
    {
        switch (record.type())
        {
            case MESSAGE_SENT -> writeSent((MessageSent)record, out);
            case MESSAGE_ACKNOWLEDGED -> writeAck((MessageAcknowledged)record, out);
            case DELIVERY_ATTEMPTED -> writeAttempt((DeliveryAttempted)record, out);
            case REDELIVERY_SCHEDULED -> writeRedelivery((RedeliveryScheduled)record, out);
            case MESSAGE_DEAD_LETTERED -> writeDeadLettered((MessageDeadLettered)record, out);
            case MESSAGE_EXPIRED -> writeExpired((MessageExpired)record, out);
            case TRANSACTION_COMMITTED -> writeTransaction((TransactionCommitted)record, out);
            case XA_PREPARED -> writeXaPrepared((XaPrepared)record, out);
            case XA_COMMITTED -> writeXid(((XaCommitted)record).xid(), out);
            case XA_ROLLED_BACK -> writeXid(((XaRolledBack)record).xid(), out);
            case DESTINATION_CREATED -> writeDestinationCreated((DestinationCreated)record, out);
            case DESTINATION_DELETED -> StringEncoding.write(out, ((DestinationDeleted)record).name());
            case SUBSCRIPTION_CREATED -> writeSubscriptionCreated((SubscriptionCreated)record, out);
            case SUBSCRIPTION_DELETED -> StringEncoding.write(out, ((SubscriptionDeleted)record).name());
            case MESSAGE_SNAPSHOT -> SnapshotCodec.write((MessageSnapshot)record, out);
        }
    }

    /**
     * @param type    the record type from the envelope.
     * @param version the encoding version from the envelope.
     * @param in      the payload.
     * @return the decoded record.
     * @throws StoreException of kind VERSION for a version this code cannot read, CORRUPT for bad data.
     */
    public static JournalRecord decode(final RecordType type, final int version, final Bytes<?> in)
    {
        checkVersion(type, version);
        final JournalRecord record = switch (type)
        {
            case MESSAGE_SENT -> readSent(in);
            case MESSAGE_ACKNOWLEDGED -> readAck(in);
            case DELIVERY_ATTEMPTED -> new DeliveryAttempted(
                readRequiredString(in, "queue"), in.readLong(), in.readInt());
            case REDELIVERY_SCHEDULED -> new RedeliveryScheduled(
                readRequiredString(in, "queue"), in.readLong(), in.readInt(), in.readLong(), readFailure(in));
            case MESSAGE_DEAD_LETTERED -> readDeadLettered(in);
            case MESSAGE_EXPIRED -> new MessageExpired(
                readRequiredString(in, "queue"), in.readLong(), readString(in), in.readLong());
            case TRANSACTION_COMMITTED -> new TransactionCommitted(in.readLong(), readSends(in), readAcks(in));
            case XA_PREPARED -> new XaPrepared(readXid(in), readSends(in), readAcks(in));
            case XA_COMMITTED -> new XaCommitted(readXid(in));
            case XA_ROLLED_BACK -> new XaRolledBack(readXid(in));
            case DESTINATION_CREATED -> readDestinationCreated(in);
            case DESTINATION_DELETED -> new DestinationDeleted(readRequiredString(in, "destination name"));
            case SUBSCRIPTION_CREATED -> new SubscriptionCreated(
                readRequiredString(in, "topic"), readRequiredString(in, "subscription name"), readString(in),
                in.readBoolean(), in.readBoolean());
            case SUBSCRIPTION_DELETED -> new SubscriptionDeleted(readRequiredString(in, "subscription name"));
            case MESSAGE_SNAPSHOT -> SnapshotCodec.read(in);
        };
        checkFullyRead(type, in);
        return record;
    }

    /**
     * Reads a {@code TRANSACTION_COMMITTED} payload without decoding its messages: each send is checked
     * through the flyweight and only its offset kept.
     *
     * @param in          the payload, at its start; left at its end.
     * @param slot        the flyweight that reads (and checks) each send.
     * @param position    the record's position, for error messages.
     * @param sendOffsets receives where each send starts, for {@link MessageHeaderFlyweight#wrap}.
     * @return the transaction's acknowledgements.
     */
    static List<MessageAcknowledged> readTransactionHeaders(final Bytes<byte[]> in, final MessageHeaderFlyweight slot,
        final long position, final LongArrayList sendOffsets)
    {
        in.readSkip(Long.BYTES);
        final int count = readCount(in, "send");
        for (int i = 0; i < count; i++)
        {
            sendOffsets.addLong(in.readPosition());
            slot.wrap(in, position);
        }
        return readAcks(in);
    }

    /**
     * @throws StoreException of kind VERSION when this code cannot read that version of the type.
     */
    static void checkVersion(final RecordType type, final int version)
    {
        if (version != type.version())
        {
            throw new StoreException(StoreException.Kind.VERSION, "record type " + type + " version " + version +
                " is not supported by this Quire (it reads version " + type.version() + ")");
        }
    }

    /**
     * @throws StoreException of kind CORRUPT when bytes are left after the record's payload.
     */
    static void checkFullyRead(final RecordType type, final Bytes<?> in)
    {
        if (in.readRemaining() != 0)
        {
            throw corrupt(type + " record has " + in.readRemaining() + " unexpected trailing bytes");
        }
    }

    private static void writeSent(final MessageSent sent, final Bytes<byte[]> out)
    {
        out.writeLong(sent.messageSeq());
        StringEncoding.write(out, sent.destination());
        MessageCodec.write(sent.message(), out);
    }

    private static MessageSent readSent(final Bytes<?> in)
    {
        return new MessageSent(in.readLong(), readRequiredString(in, "destination"), MessageCodec.read(in));
    }

    private static void writeAck(final MessageAcknowledged ack, final Bytes<byte[]> out)
    {
        StringEncoding.write(out, ack.queue());
        out.writeLong(ack.messageSeq());
    }

    private static MessageAcknowledged readAck(final Bytes<?> in)
    {
        return new MessageAcknowledged(readRequiredString(in, "queue"), in.readLong());
    }

    private static void writeAttempt(final DeliveryAttempted attempt, final Bytes<byte[]> out)
    {
        StringEncoding.write(out, attempt.queue());
        out.writeLong(attempt.messageSeq());
        out.writeInt(attempt.deliveryCount());
    }

    private static void writeRedelivery(final RedeliveryScheduled redelivery, final Bytes<byte[]> out)
    {
        StringEncoding.write(out, redelivery.queue());
        out.writeLong(redelivery.messageSeq());
        out.writeInt(redelivery.deliveryCount());
        out.writeLong(redelivery.redeliverAt());
        writeFailure(redelivery.failure(), out);
    }

    private static void writeDeadLettered(final MessageDeadLettered dead, final Bytes<byte[]> out)
    {
        StringEncoding.write(out, dead.queue());
        out.writeLong(dead.messageSeq());
        StringEncoding.write(out, dead.deadLetterQueue());
        out.writeByte((byte)dead.reason().code());
        out.writeInt(dead.deliveryCount());
        out.writeLong(dead.time());
        writeFailure(dead.lastFailure(), out);
    }

    private static MessageDeadLettered readDeadLettered(final Bytes<?> in)
    {
        final String queue = readRequiredString(in, "queue");
        final long messageSeq = in.readLong();
        final String deadLetterQueue = readRequiredString(in, "dead-letter queue");
        final int reasonCode = in.readUnsignedByte();
        final DeadLetterReason reason = DeadLetterReason.fromCode(reasonCode);
        if (reason == null)
        {
            throw corrupt("unknown dead-letter reason code " + reasonCode);
        }
        return new MessageDeadLettered(
            queue, messageSeq, deadLetterQueue, reason, in.readInt(), in.readLong(), readFailure(in));
    }

    private static void writeExpired(final MessageExpired expired, final Bytes<byte[]> out)
    {
        StringEncoding.write(out, expired.queue());
        out.writeLong(expired.messageSeq());
        StringEncoding.write(out, expired.expiryQueue());
        out.writeLong(expired.time());
    }

    static void writeFailure(final DeliveryFailure failure, final Bytes<byte[]> out)
    {
        out.writeBoolean(failure != null);
        if (failure != null)
        {
            StringEncoding.write(out, failure.exceptionClass());
            StringEncoding.write(out, failure.message());
        }
    }

    static DeliveryFailure readFailure(final Bytes<?> in)
    {
        return in.readBoolean() ? new DeliveryFailure(readRequiredString(in, "failure class"), readString(in)) : null;
    }

    private static void writeTransaction(final TransactionCommitted transaction, final Bytes<byte[]> out)
    {
        out.writeLong(transaction.transactionId());
        writeSends(transaction.sends(), out);
        writeAcks(transaction.acks(), out);
    }

    private static void writeXaPrepared(final XaPrepared prepared, final Bytes<byte[]> out)
    {
        writeXid(prepared.xid(), out);
        writeSends(prepared.sends(), out);
        writeAcks(prepared.acks(), out);
    }

    private static void writeSends(final List<MessageSent> sends, final Bytes<byte[]> out)
    {
        out.writeStopBit(sends.size());
        for (final MessageSent sent : sends)
        {
            writeSent(sent, out);
        }
    }

    private static List<MessageSent> readSends(final Bytes<?> in)
    {
        final int count = readCount(in, "send");
        final List<MessageSent> sends = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            sends.add(readSent(in));
        }
        return sends;
    }

    private static void writeAcks(final List<MessageAcknowledged> acks, final Bytes<byte[]> out)
    {
        out.writeStopBit(acks.size());
        for (final MessageAcknowledged ack : acks)
        {
            writeAck(ack, out);
        }
    }

    private static List<MessageAcknowledged> readAcks(final Bytes<?> in)
    {
        final int count = readCount(in, "acknowledgement");
        final List<MessageAcknowledged> acks = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            acks.add(readAck(in));
        }
        return acks;
    }

    private static void writeXid(final XidValue xid, final Bytes<byte[]> out)
    {
        out.writeInt(xid.formatId());
        writeBytes(xid.globalTransactionId(), out);
        writeBytes(xid.branchQualifier(), out);
    }

    private static XidValue readXid(final Bytes<?> in)
    {
        final int formatId = in.readInt();
        final byte[] globalTransactionId = readBytes(in, "global transaction id");
        final byte[] branchQualifier = readBytes(in, "branch qualifier");
        try
        {
            return new XidValue(formatId, globalTransactionId, branchQualifier);
        }
        catch (final IllegalArgumentException ex)
        {
            throw corrupt("invalid xid: " + ex.getMessage());
        }
    }

    private static void writeBytes(final byte[] value, final Bytes<byte[]> out)
    {
        out.writeStopBit(value.length);
        out.write(value);
    }

    private static byte[] readBytes(final Bytes<?> in, final String what)
    {
        final byte[] value = new byte[readLength(in, what)];
        in.read(value);
        return value;
    }

    private static void writeDestinationCreated(final DestinationCreated created, final Bytes<byte[]> out)
    {
        StringEncoding.write(out, created.name());
        out.writeByte((byte)created.kind().ordinal());
    }

    private static DestinationCreated readDestinationCreated(final Bytes<?> in)
    {
        final String name = readRequiredString(in, "destination name");
        final int kind = in.readUnsignedByte();
        if (kind >= DestinationKind.values().length)
        {
            throw corrupt("unknown destination kind " + kind);
        }
        return new DestinationCreated(name, DestinationKind.values()[kind]);
    }

    private static void writeSubscriptionCreated(final SubscriptionCreated created, final Bytes<byte[]> out)
    {
        StringEncoding.write(out, created.topic());
        StringEncoding.write(out, created.name());
        StringEncoding.write(out, created.selector());
        out.writeBoolean(created.noLocal());
        out.writeBoolean(created.shared());
    }
}
