package dev.quire.store.chronicle.internal;

import dev.quire.store.Journal;
import dev.quire.store.JournalRecord;
import dev.quire.store.MessageReplayHandler;
import dev.quire.store.RecordType;
import dev.quire.store.ReplayedMessage;
import dev.quire.store.StoreException;
import dev.quire.store.record.BodyType;
import dev.quire.store.record.MessageAcknowledged;
import dev.quire.store.record.MessageSent;
import dev.quire.store.record.StoredMessage;
import dev.quire.store.record.TransactionCommitted;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class MessageHeaderDecoderTest
{
    private static final StoredMessage MESSAGE = new StoredMessage("ID:7", "corr", "type", "queue://replies", true, 8,
        11L, 22L, 33L, Map.of("region", "EU", "count", 3), BodyType.TEXT, new byte[] {1, 2, 3, 4});
    private static final MessageSent SENT = new MessageSent(7, "örders", MESSAGE);

    static List<JournalRecord> everyRecordType()
    {
        return RecordCodecTest.everyRecordType().toList();
    }

    @ParameterizedTest
    @MethodSource("everyRecordType")
    void shouldHandOverWhatAFullDecodeFindsWithMessagesAsViews(final JournalRecord record)
    {
        final Collector collector = new Collector();
        new MessageHeaderDecoder().decode(frameOf(record), 5, collector);
        assertThat(collector.handed).containsExactlyElementsOf(expectedHandOver(record));
        assertThat(collector.positions).hasSameSizeAs(collector.handed).allMatch(position -> position == 5L);
        assertThat(collector.origins).hasSameSizeAs(collector.handed).allMatch(origin -> origin == 5L);
    }

    @Test
    void shouldReadTheHeaderInPlaceAndTheWholeMessageOnlyWhenAsked()
    {
        final List<String> seen = new ArrayList<>();
        new MessageHeaderDecoder().decode(frameOf(SENT), 5, onMessage(message ->
        {
            assertThat(message.messageSeq()).isEqualTo(7);
            assertThat(message.persistent()).isTrue();
            assertThat(message.priority()).isEqualTo(8);
            assertThat(message.timestamp()).isEqualTo(11L);
            assertThat(message.expiration()).isEqualTo(22L);
            assertThat(message.deliveryTime()).isEqualTo(33L);
            assertThat(message.destination()).isEqualTo("örders");
            assertThat(message.message()).isEqualTo(MESSAGE);
            assertThat(message.destination()).isEqualTo("örders");
            seen.add(message.destination());
        }));
        assertThat(seen).containsExactly("örders");
    }

    @Test
    void shouldKeepTheOriginOfACopy()
    {
        final RecordEnvelope envelope = new RecordEnvelope();
        final Bytes<?> frame = Bytes.allocateElasticOnHeap();
        envelope.encode(SENT);
        envelope.writeTo(SENT.type(), 123L, frame);
        final Collector collector = new Collector();
        new MessageHeaderDecoder().decode(frame, 456L, collector);
        assertThat(collector.origins).containsExactly(123L);
        assertThat(collector.positions).containsExactly(456L);
    }

    @Test
    void shouldRejectAFlippedBodyBitWithAChecksumError()
    {
        final Bytes<?> frame = frameOf(SENT);
        final long last = frame.writePosition() - 1;
        frame.writeByte(last, (byte)(frame.readByte(last) ^ 1));
        assertCorrupt(frame, "checksum");
    }

    @Test
    void shouldRejectABodyLongerThanTheRecord()
    {
        final Bytes<?> payload = payloadOf(SENT);
        payload.writePosition(payload.writePosition() - 1);
        assertCorrupt(frameWithPayload(RecordType.MESSAGE_SENT, payload), "body length");
    }

    @Test
    void shouldRejectTrailingBytes()
    {
        final Bytes<?> payload = payloadOf(SENT);
        payload.writeByte((byte)0);
        assertCorrupt(frameWithPayload(RecordType.MESSAGE_SENT, payload), "trailing bytes");
    }

    @Test
    void shouldRejectAnUnknownPropertyTag()
    {
        final StoredMessage oneProperty = new StoredMessage(null, null, null, null, true, 4, 0, 0, 0,
            Map.of("p", 1), BodyType.NONE, new byte[0]);
        final Bytes<?> payload = payloadOf(new MessageSent(1, "q", oneProperty));
        final long tag = payload.writePosition() - 1 - 1 - Integer.BYTES - 1;
        assertThat(payload.readByte(tag)).isEqualTo((byte)4);
        payload.writeByte(tag, (byte)42);
        assertCorrupt(frameWithPayload(RecordType.MESSAGE_SENT, payload), "unknown property type tag 42");
    }

    @Test
    void shouldRejectAnUnknownVersion()
    {
        final Bytes<?> frame = frameOf(SENT);
        frame.writeByte(1, (byte)99);
        assertThatThrownBy(() -> new MessageHeaderDecoder().decode(frame, 5, new Collector()))
            .isInstanceOfSatisfying(StoreException.class, ex -> assertThat(ex.kind()).isEqualTo(StoreException.Kind.VERSION))
            .hasMessageContaining("version 99");
    }

    @Test
    void shouldHandOverNothingOfATransactionDamagedAfterItsSends()
    {
        final TransactionCommitted transaction = new TransactionCommitted(9, List.of(SENT, new MessageSent(8, "q", MESSAGE)),
            List.of(new MessageAcknowledged("q", 1)));
        final Bytes<?> payload = payloadOf(transaction);
        payload.writePosition(payload.writePosition() - 1);
        final Collector collector = new Collector();
        assertThatThrownBy(() -> new MessageHeaderDecoder().decode(frameWithPayload(RecordType.TRANSACTION_COMMITTED, payload),
            5, collector))
            .isInstanceOfSatisfying(StoreException.class, ex -> assertThat(ex.kind()).isEqualTo(StoreException.Kind.CORRUPT))
            .hasMessageContaining("position 5");
        assertThat(collector.handed).isEmpty();
    }

    private static List<JournalRecord> expectedHandOver(final JournalRecord record)
    {
        if (record instanceof TransactionCommitted transaction)
        {
            final List<JournalRecord> expected = new ArrayList<>(transaction.sends());
            expected.addAll(transaction.acks());
            return expected;
        }
        return List.of(record);
    }

    private static void assertCorrupt(final Bytes<?> frame, final String message)
    {
        final Collector collector = new Collector();
        assertThatThrownBy(() -> new MessageHeaderDecoder().decode(frame, 5, collector))
            .isInstanceOfSatisfying(StoreException.class, ex -> assertThat(ex.kind()).isEqualTo(StoreException.Kind.CORRUPT))
            .hasMessageContaining("position 5").hasMessageContaining(message);
        assertThat(collector.handed).isEmpty();
    }

    private static Bytes<?> frameOf(final JournalRecord record)
    {
        final RecordEnvelope envelope = new RecordEnvelope();
        final Bytes<?> frame = Bytes.allocateElasticOnHeap();
        envelope.encode(record);
        envelope.writeTo(record.type(), Journal.NO_POSITION, frame);
        return frame;
    }

    private static Bytes<byte[]> payloadOf(final JournalRecord record)
    {
        final Bytes<byte[]> payload = Bytes.allocateElasticOnHeap();
        RecordCodec.encode(record, payload);
        return payload;
    }

    /**
     * A frame around a payload with a valid checksum, so that decoding meets the damage inside it.
     */
    private static Bytes<?> frameWithPayload(final RecordType type, final Bytes<?> payload)
    {
        final byte[] bytes = payload.toByteArray();
        final CRC32C crc = new CRC32C();
        crc.update(bytes);
        final Bytes<?> frame = Bytes.allocateElasticOnHeap();
        frame.writeByte((byte)type.code()).writeByte((byte)type.version()).writeByte((byte)0);
        frame.writeInt((int)crc.getValue());
        frame.write(bytes);
        return frame;
    }

    private static MessageReplayHandler onMessage(final Consumer<ReplayedMessage> action)
    {
        return new MessageReplayHandler()
        {
            @Override
            public void onMessage(final long position, final ReplayedMessage message, final long origin)
            {
                action.accept(message);
            }

            @Override
            public void onRecord(final long position, final JournalRecord record, final long origin)
            {
                throw new AssertionError("no record expected but " + record);
            }
        };
    }

    /**
     * Turns what it is handed back into records (a message view into the record it came from).
     */
    private static final class Collector implements MessageReplayHandler
    {
        final List<JournalRecord> handed = new ArrayList<>();
        final List<Long> positions = new ArrayList<>();
        final List<Long> origins = new ArrayList<>();

        @Override
        public void onMessage(final long position, final ReplayedMessage message, final long origin)
        {
            assertThat(message.persistent()).isEqualTo(message.message().persistent());
            assertThat(message.priority()).isEqualTo(message.message().priority());
            assertThat(message.timestamp()).isEqualTo(message.message().timestamp());
            assertThat(message.expiration()).isEqualTo(message.message().expiration());
            assertThat(message.deliveryTime()).isEqualTo(message.message().deliveryTime());
            handed.add(new MessageSent(message.messageSeq(), message.destination(), message.message()));
            positions.add(position);
            origins.add(origin);
        }

        @Override
        public void onRecord(final long position, final JournalRecord record, final long origin)
        {
            handed.add(record);
            positions.add(position);
            origins.add(origin);
        }
    }
}
