package dev.quire.store.chronicle.internal;

import dev.quire.store.record.DeadLetterReason;
import dev.quire.store.record.DeliveryFailure;
import dev.quire.store.record.MessageSnapshot;
import dev.quire.store.record.MoveInfo;
import dev.quire.store.record.Placement;
import dev.quire.store.record.SnapshotEntry;
import net.openhft.chronicle.bytes.Bytes;

import java.util.ArrayList;
import java.util.List;

import static dev.quire.store.chronicle.internal.DecodeChecks.corrupt;
import static dev.quire.store.chronicle.internal.DecodeChecks.readCount;
import static dev.quire.store.chronicle.internal.DecodeChecks.readRequiredString;
import static dev.quire.store.chronicle.internal.DecodeChecks.readString;

/**
 * Encodes a {@link MessageSnapshot}: per message its seq, destination and body, then each placement
 * with its delivery count, visibility time, failures and move.
 */
final class SnapshotCodec
{
    private SnapshotCodec()
    {
    }

    static void write(final MessageSnapshot snapshot, final Bytes<byte[]> out)
    {
        out.writeStopBit(snapshot.messages().size());
        for (final SnapshotEntry entry : snapshot.messages())
        {
            out.writeLong(entry.messageSeq());
            StringEncoding.write(out, entry.destination());
            MessageCodec.write(entry.message(), out);
            out.writeStopBit(entry.placements().size());
            for (final Placement placement : entry.placements())
            {
                writePlacement(placement, out);
            }
        }
    }

    static MessageSnapshot read(final Bytes<?> in)
    {
        final int count = readCount(in, "snapshot message");
        final List<SnapshotEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            final long seq = in.readLong();
            final String destination = readRequiredString(in, "destination");
            final var message = MessageCodec.read(in);
            final int placements = readCount(in, "placement");
            final List<Placement> list = new ArrayList<>(placements);
            for (int p = 0; p < placements; p++)
            {
                list.add(readPlacement(in));
            }
            entries.add(new SnapshotEntry(seq, destination, message, list));
        }
        return new MessageSnapshot(entries);
    }

    private static void writePlacement(final Placement placement, final Bytes<byte[]> out)
    {
        StringEncoding.write(out, placement.queue());
        out.writeInt(placement.deliveryCount());
        out.writeLong(placement.visibleAt());
        out.writeStopBit(placement.failures().size());
        for (final DeliveryFailure failure : placement.failures())
        {
            RecordCodec.writeFailure(failure, out);
        }
        final MoveInfo moved = placement.moved();
        out.writeBoolean(moved != null);
        if (moved != null)
        {
            StringEncoding.write(out, moved.fromQueue());
            out.writeByte((byte)moved.reason().code());
            out.writeInt(moved.deliveryCount());
            out.writeLong(moved.time());
            RecordCodec.writeFailure(moved.failure(), out);
        }
    }

    private static Placement readPlacement(final Bytes<?> in)
    {
        final String queue = readRequiredString(in, "placement queue");
        final int deliveryCount = in.readInt();
        final long visibleAt = in.readLong();
        final int failureCount = readCount(in, "failure");
        final List<DeliveryFailure> failures = new ArrayList<>(failureCount);
        for (int i = 0; i < failureCount; i++)
        {
            final DeliveryFailure failure = RecordCodec.readFailure(in);
            if (failure == null)
            {
                throw corrupt("a placement's failure history holds an empty entry");
            }
            failures.add(failure);
        }
        MoveInfo moved = null;
        if (in.readBoolean())
        {
            final String fromQueue = readString(in);
            final int reasonCode = in.readUnsignedByte();
            final DeadLetterReason reason = DeadLetterReason.fromCode(reasonCode);
            if (fromQueue == null || reason == null)
            {
                throw corrupt("a placement's move is damaged");
            }
            moved = new MoveInfo(fromQueue, reason, in.readInt(), in.readLong(), RecordCodec.readFailure(in));
        }
        return new Placement(queue, deliveryCount, visibleAt, failures, moved);
    }
}
