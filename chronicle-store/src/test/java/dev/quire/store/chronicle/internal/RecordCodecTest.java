package dev.quire.store.chronicle.internal;

import dev.quire.store.Journal;
import dev.quire.store.JournalRecord;
import dev.quire.store.StoreException;
import dev.quire.store.record.BodyType;
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
import dev.quire.store.record.MoveInfo;
import dev.quire.store.record.Placement;
import dev.quire.store.record.RedeliveryScheduled;
import dev.quire.store.record.SnapshotEntry;
import dev.quire.store.record.StoredMessage;
import dev.quire.store.record.SubscriptionCreated;
import dev.quire.store.record.SubscriptionDeleted;
import dev.quire.store.record.TransactionCommitted;
import dev.quire.store.record.XaCommitted;
import dev.quire.store.record.XaPrepared;
import dev.quire.store.record.XaRolledBack;
import dev.quire.store.record.XidValue;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class RecordCodecTest
{
    private static final XidValue XID = new XidValue(0x1234, "global".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2});

    static Stream<JournalRecord> everyRecordType()
    {
        final Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("aBoolean", true);
        properties.put("aByte", (byte)-7);
        properties.put("aShort", (short)-300);
        properties.put("anInt", Integer.MIN_VALUE);
        properties.put("aLong", Long.MAX_VALUE);
        properties.put("aFloat", 3.5f);
        properties.put("aDouble", -1.0e300);
        properties.put("aString", "naïve ☃ \uD83D\uDE00");
        properties.put("anEmptyString", "");
        properties.put("aLongAsciiString", "x".repeat(5000));
        properties.put("asciiThenNot", "abc\u00e9");
        properties.put("\u00fcberName", "value");
        final StoredMessage full = new StoredMessage("ID:1", "corr", "type", "queue://replies", true, 9,
            1L, 2L, 3L, properties, BodyType.MAP, new byte[] {1, 2, 3});
        final StoredMessage bare = new StoredMessage(null, null, null, null, false, 0,
            0, 0, 0, Map.of(), BodyType.NONE, new byte[0]);
        final MessageSent sent = new MessageSent(42, "orders", full);
        final MessageAcknowledged ack = new MessageAcknowledged("orders", 42);
        final DeliveryFailure failure = new DeliveryFailure("java.lang.IllegalStateException", "boom");
        return Stream.of(
            sent,
            new MessageSent(Long.MAX_VALUE, "", bare),
            ack,
            new DeliveryAttempted("orders", 42, 3),
            new RedeliveryScheduled("orders", 42, 3, 99_000L, failure),
            new RedeliveryScheduled("orders", 42, 3, 99_000L, null),
            new MessageDeadLettered("orders", 42, "DLQ.orders", DeadLetterReason.MAX_DELIVERIES, 10, 5L, failure),
            new MessageDeadLettered("orders", 42, "DLQ.orders", DeadLetterReason.REJECTED, 1, 5L,
                new DeliveryFailure("x.Y", null)),
            new MessageExpired("orders", 42, "ExpiryQueue", 7L),
            new MessageExpired("orders", 42, null, 7L),
            new TransactionCommitted(77, List.of(sent, new MessageSent(43, "audit", bare)), List.of(ack)),
            new TransactionCommitted(78, List.of(), List.of()),
            new XaPrepared(XID, List.of(sent), List.of(ack)),
            new XaCommitted(XID),
            new XaRolledBack(new XidValue(0, new byte[0], new byte[0])),
            new DestinationCreated("orders", DestinationKind.QUEUE),
            new DestinationCreated("prices", DestinationKind.TOPIC),
            new DestinationDeleted("orders"),
            new SubscriptionCreated("prices", "client1:sub1", "region = 'EU'", true, false),
            new SubscriptionCreated("prices", "sub2", null, false, true),
            new SubscriptionDeleted("client1:sub1"),
            new MessageSnapshot(List.of(
                new SnapshotEntry(42, "orders", full, List.of(
                    new Placement("orders", 3, 99L, List.of(failure, new DeliveryFailure("x.Y", null)), null),
                    new Placement("DLQ.orders", 0, 0, List.of(),
                        new MoveInfo("orders", DeadLetterReason.MAX_DELIVERIES, 10, 5L, failure)),
                    new Placement("Expired", 0, 0, List.of(), new MoveInfo("orders", DeadLetterReason.EXPIRED, -1, 6L, null)))),
                new SnapshotEntry(43, "audit", bare, List.of()))));
    }

    @ParameterizedTest
    @MethodSource("everyRecordType")
    void shouldRoundTripEveryRecordType(final JournalRecord record)
    {
        assertThat(roundTrip(record)).isEqualTo(record);
    }

    @Test
    void shouldCoverEveryRecordTypeInTheRoundTripTest()
    {
        final Set<dev.quire.store.RecordType> covered = everyRecordType()
            .map(JournalRecord::type)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(dev.quire.store.RecordType.class)));
        assertThat(covered).containsExactlyInAnyOrder(dev.quire.store.RecordType.values());
    }

    @Test
    void shouldRoundTripTenMebibyteBody()
    {
        final byte[] body = new byte[10 * 1024 * 1024];
        new Random(7).nextBytes(body);
        final MessageSent record = new MessageSent(1, "big", new StoredMessage(null, null, null, null, true, 4,
            0, 0, 0, Map.of(), BodyType.BYTES, body));
        assertThat(roundTrip(record)).isEqualTo(record);
    }

    @Test
    void shouldKeepOriginPositionOfCopy()
    {
        final RecordEnvelope envelope = new RecordEnvelope();
        final Bytes<?> frame = Bytes.allocateElasticOnHeap();
        final MessageAcknowledged record = new MessageAcknowledged("q", 1);
        envelope.encode(record);
        envelope.writeTo(record.type(), 123_456L, frame);
        final RecordEnvelope.Decoded decoded = new RecordEnvelope.Decoded();
        envelope.decode(frame, 9, decoded);
        assertThat(decoded.origin).isEqualTo(123_456L);
        assertThat(decoded.record).isEqualTo(record);
    }

    @Test
    void shouldRejectFlippedBitWithChecksumError()
    {
        final Bytes<?> frame = frameOf(new MessageAcknowledged("orders", 42));
        frame.writeByte(frame.writePosition() - 1, (byte)(frame.readByte(frame.writePosition() - 1) ^ 1));
        assertThatThrownBy(() -> new RecordEnvelope().decode(frame, 5, new RecordEnvelope.Decoded()))
            .isInstanceOfSatisfying(StoreException.class, ex -> assertThat(ex.kind()).isEqualTo(StoreException.Kind.CORRUPT))
            .hasMessageContaining("checksum").hasMessageContaining("position 5");
    }

    @Test
    void shouldRejectUnknownVersionWithVersionError()
    {
        final Bytes<?> frame = frameOf(new MessageAcknowledged("orders", 42));
        frame.writeByte(1, (byte)99);
        assertThatThrownBy(() -> new RecordEnvelope().decode(frame, 5, new RecordEnvelope.Decoded()))
            .isInstanceOfSatisfying(StoreException.class, ex -> assertThat(ex.kind()).isEqualTo(StoreException.Kind.VERSION))
            .hasMessageContaining("version 99");
    }

    @Test
    void shouldRejectUnknownTypeAsForeignData()
    {
        final Bytes<?> frame = frameOf(new MessageAcknowledged("orders", 42));
        frame.writeByte(0, (byte)200);
        assertThatThrownBy(() -> new RecordEnvelope().decode(frame, 5, new RecordEnvelope.Decoded()))
            .isInstanceOfSatisfying(StoreException.class, ex -> assertThat(ex.kind()).isEqualTo(StoreException.Kind.CORRUPT))
            .hasMessageContaining("unknown type code 200");
    }

    @Test
    void shouldRejectTruncatedFrame()
    {
        final Bytes<?> frame = Bytes.allocateElasticOnHeap();
        frame.writeByte((byte)1);
        assertThatThrownBy(() -> new RecordEnvelope().decode(frame, 5, new RecordEnvelope.Decoded()))
            .isInstanceOfSatisfying(StoreException.class, ex -> assertThat(ex.kind()).isEqualTo(StoreException.Kind.CORRUPT));
    }

    @Test
    void shouldRejectImpossibleLengthWithoutAllocatingIt()
    {
        final Bytes<?> payload = Bytes.allocateElasticOnHeap();
        payload.writeInt(0).writeStopBit(Integer.MAX_VALUE);
        assertThatThrownBy(() -> RecordCodec.decode(dev.quire.store.RecordType.XA_COMMITTED, 1, payload))
            .isInstanceOfSatisfying(StoreException.class, ex -> assertThat(ex.kind()).isEqualTo(StoreException.Kind.CORRUPT))
            .hasMessageContaining("global transaction id length");
    }

    @Test
    void shouldRefuseUnsupportedPropertyType()
    {
        final Map<String, Object> properties = Map.of("when", new java.util.Date());
        assertThatThrownBy(() -> new StoredMessage(null, null, null, null, true, 4, 0, 0, 0, properties,
            BodyType.NONE, new byte[0]))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'when'");
    }

    private static JournalRecord roundTrip(final JournalRecord record)
    {
        final RecordEnvelope envelope = new RecordEnvelope();
        final Bytes<?> frame = Bytes.allocateElasticOnHeap();
        envelope.encode(record);
        envelope.writeTo(record.type(), Journal.NO_POSITION, frame);
        final RecordEnvelope.Decoded decoded = new RecordEnvelope.Decoded();
        new RecordEnvelope().decode(frame, 1, decoded);
        assertThat(decoded.origin).isEqualTo(1);
        return decoded.record;
    }

    private static Bytes<?> frameOf(final JournalRecord record)
    {
        final RecordEnvelope envelope = new RecordEnvelope();
        final Bytes<?> frame = Bytes.allocateElasticOnHeap();
        envelope.encode(record);
        envelope.writeTo(record.type(), Journal.NO_POSITION, frame);
        return frame;
    }
}
