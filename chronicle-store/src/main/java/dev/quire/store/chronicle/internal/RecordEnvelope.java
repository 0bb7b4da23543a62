package dev.quire.store.chronicle.internal;

import dev.quire.store.Journal;
import dev.quire.store.JournalRecord;
import dev.quire.store.RecordType;
import net.openhft.chronicle.bytes.Bytes;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import static dev.quire.store.chronicle.internal.DecodeChecks.corrupt;

/**
 * The frame around every record in the journal:
 * <pre>
 *   u8  type code        u8 version        u8 flags        i32 CRC-32C of the payload
 *   i64 origin position (only when flags has COPIED: where the record was first appended)
 *   payload (see {@link RecordCodec})
 * </pre>
 * The checksum lets replay tell a damaged record from a valid one; Chronicle's own header already tells
 * a complete record from one whose writer died.
 * <p>
 * An envelope instance holds reusable scratch buffers: it may be handed between threads but must be used
 * by one thread at a time.
 */
public final class RecordEnvelope
{
    private static final int FLAG_COPIED = 1;
    private static final int HEADER_LENGTH = 7;
    private static final int MAX_HEADER_LENGTH = HEADER_LENGTH + Long.BYTES;

    private final Bytes<byte[]> payload = Bytes.allocateElasticOnHeap(4096);
    private final CRC32C crc = new CRC32C();
    private ByteBuffer frameView;
    private int version;

    /**
     * Creates an envelope with empty scratch buffers.
     */
    public RecordEnvelope()
    {
        payload.singleThreadedCheckDisabled(true);
    }

    /**
     * Encodes a record's payload into this envelope's scratch buffer, leaving room before it for the frame's
     * header.
     *
     * @param record the record.
     * @return the length of the encoded frame.
     */
    public int encode(final JournalRecord record)
    {
        payload.clear();
        payload.writePosition(MAX_HEADER_LENGTH);
        payload.readPosition(MAX_HEADER_LENGTH);
        RecordCodec.encode(record, payload);
        return HEADER_LENGTH + (int)payload.readRemaining();
    }

    /**
     * Writes the frame of the last {@link #encode(JournalRecord) encoded} record.
     *
     * @param type       the record's type.
     * @param origin     for a compaction copy, the position the record was first appended at; for an
     *                   original, {@link Journal#NO_POSITION}.
     * @param out        where to write it.
     */
    public void writeTo(final RecordType type, final long origin, final Bytes<?> out)
    {
        final ByteBuffer frame = frame(type, origin);
        out.write(frame.array(), frame.position(), frame.remaining());
    }

    /**
     * Completes the frame of the last {@link #encode(JournalRecord) encoded} record in the scratch buffer.
     *
     * @param type   the record's type.
     * @param origin for a compaction copy, the position the record was first appended at; for an
     *               original, {@link Journal#NO_POSITION}.
     * @return the whole frame, header and payload, as a view of the scratch buffer; valid until the next
     * {@link #encode(JournalRecord) encode}.
     */
    public ByteBuffer frame(final RecordType type, final long origin)
    {
        final int length = (int)payload.readRemaining();
        final byte[] array = payload.underlyingObject();
        crc.reset();
        crc.update(array, MAX_HEADER_LENGTH, length);
        final boolean copied = origin != Journal.NO_POSITION;
        final int start = copied ? 0 : Long.BYTES;
        payload.writeByte(start, (byte)type.code());
        payload.writeByte(start + 1, (byte)type.version());
        payload.writeByte(start + 2, (byte)(copied ? FLAG_COPIED : 0));
        payload.writeInt(start + 3, (int)crc.getValue());
        if (copied)
        {
            payload.writeLong(HEADER_LENGTH, origin);
        }
        if (frameView == null || frameView.array() != array)
        {
            frameView = ByteBuffer.wrap(array);
        }
        frameView.limit(MAX_HEADER_LENGTH + length).position(start);
        return frameView;
    }

    /**
     * @param in a frame, positioned at its start; not consumed.
     * @return the frame's record type, or null when the code is unknown (decoding then reports it).
     */
    public static RecordType peekType(final Bytes<?> in)
    {
        return in.readRemaining() == 0 ? null : RecordType.fromCode(in.readUnsignedByte(in.readPosition()));
    }

    /**
     * Reads one frame, checking its type, version and checksum, and decodes the record.
     *
     * @param in       the frame's bytes.
     * @param position the position being read, for error messages.
     * @param decoded  receives the record and its origin.
     */
    public void decode(final Bytes<?> in, final long position, final Decoded decoded)
    {
        final RecordType type = open(in, position, decoded);
        try
        {
            decoded.record = RecordCodec.decode(type, version, payload);
        }
        catch (final RuntimeException ex)
        {
            throw DecodeChecks.damaged(position, ex);
        }
    }

    /**
     * Reads one frame's header, checks its type and the checksum of its payload, and keeps the payload
     * for {@link #payload()} without decoding it.
     *
     * @param in       the frame's bytes.
     * @param position the position being read, for error messages.
     * @param decoded  receives the record's origin.
     * @return the record's type; its encoding version is then {@link #version()}.
     */
    public RecordType open(final Bytes<?> in, final long position, final Decoded decoded)
    {
        if (in.readRemaining() < HEADER_LENGTH)
        {
            throw corrupt("record at position " + position + " is too short to be a Quire record");
        }
        final int code = in.readUnsignedByte();
        version = in.readUnsignedByte();
        final int flags = in.readUnsignedByte();
        final int expectedCrc = in.readInt();
        final RecordType type = RecordType.fromCode(code);
        if (type == null)
        {
            throw corrupt("record at position " + position + " has unknown type code " + code +
                " (not a Quire journal, or damaged)");
        }
        decoded.origin = (flags & FLAG_COPIED) != 0 ? in.readLong() : position;
        final int length = (int)in.readRemaining();
        payload.clear();
        payload.ensureCapacity(length);
        in.read(in.readPosition(), payload.underlyingObject(), 0, length);
        payload.writePosition(length);
        crc.reset();
        crc.update(payload.underlyingObject(), 0, length);
        if ((int)crc.getValue() != expectedCrc)
        {
            throw corrupt("record at position " + position + " fails its checksum");
        }
        return type;
    }

    /**
     * @return the payload of the frame last {@link #open opened}, positioned at its start.
     */
    public Bytes<byte[]> payload()
    {
        return payload;
    }

    /**
     * @return the encoding version of the frame last {@link #open opened}.
     */
    public int version()
    {
        return version;
    }

    /**
     * The result of {@link #decode}, reused across calls.
     */
    public static final class Decoded
    {
        /** The decoded record. */
        public JournalRecord record;
        /** Where the record was first appended: its own position unless it is a compaction copy. */
        public long origin;
    }
}
