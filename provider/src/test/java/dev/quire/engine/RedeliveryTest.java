package dev.quire.engine;

import dev.quire.engine.internal.MovedMessages;
import dev.quire.store.record.DeliveryFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.quire.engine.BrokerFixture.START;
import static dev.quire.engine.BrokerFixture.text;
import static dev.quire.engine.BrokerFixture.textOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redelivery with backoff and dead-letter routing, with the clock moved by hand.
 */
@Timeout(30)
class RedeliveryTest
{
    private static final RedeliveryPolicy BACKOFF = new RedeliveryPolicy(100, 2.0, 300, 0.0, 4, null);

    @TempDir
    Path directory;

    private BrokerFixture fixture;
    private Broker broker;
    private long session;
    private CollectingSink sink;
    private long consumer;

    @BeforeEach
    void open()
    {
        fixture = new BrokerFixture(directory, context -> context.redeliveryPolicies(
            new RedeliveryPolicies().add("orders", BACKOFF)));
        connect();
    }

    private void connect()
    {
        broker = fixture.broker;
        session = broker.openSession();
        sink = new CollectingSink();
        consumer = broker.openConsumer(session, ConsumerSpec.queue("orders", 1), sink);
    }

    @AfterEach
    void close()
    {
        fixture.close();
    }

    private Delivery failAndExpectBackAfter(final Delivery delivery, final long delay, final String failure)
    {
        broker.fail(session, delivery.deliveryTag(), new DeliveryFailure("java.lang.IllegalStateException", failure));
        broker.addCredit(consumer, 1);
        if (delay > 0)
        {
            fixture.advance(delay - 1);
            assertThat(broker.depth("orders")).isEqualTo(1);
            sink.assertEmpty(Duration.ofMillis(30));
            fixture.advance(1);
        }
        return sink.take();
    }

    @Test
    void shouldRedeliverAfterGrowingDelaysThenDeadLetterWithHistory()
    {
        fixture.send("orders", text("poison"));
        Delivery delivery = sink.take();
        assertThat(delivery.deliveryCount()).isEqualTo(1);
        assertThat(delivery.redelivered()).isFalse();

        delivery = failAndExpectBackAfter(delivery, 100, "first");
        assertThat(delivery.deliveryCount()).isEqualTo(2);
        assertThat(delivery.redelivered()).isTrue();
        delivery = failAndExpectBackAfter(delivery, 200, "second");
        assertThat(delivery.deliveryCount()).isEqualTo(3);
        delivery = failAndExpectBackAfter(delivery, 300, "third");
        assertThat(delivery.deliveryCount()).isEqualTo(4);

        broker.fail(session, delivery.deliveryTag(), new DeliveryFailure("java.lang.IllegalStateException", "fourth"));
        assertThat(broker.depth("orders")).isZero();
        assertThat(broker.depth("DLQ.orders")).isEqualTo(1);

        final CollectingSink dlq = new CollectingSink();
        broker.openConsumer(session, ConsumerSpec.queue("DLQ.orders", 1), dlq);
        final Delivery dead = dlq.take();
        assertThat(textOf(dead)).isEqualTo("poison");
        assertThat(dead.deliveryCount()).isEqualTo(1);
        assertThat(dead.message().properties())
            .containsEntry("name", "poison")
            .containsEntry(MovedMessages.ORIGINAL_DESTINATION, "orders")
            .containsEntry(MovedMessages.ORIGINAL_QUEUE, "orders")
            .containsEntry(MovedMessages.ORIGINAL_MESSAGE_ID, "ID:poison")
            .containsEntry(MovedMessages.REASON, "MAX_DELIVERIES")
            .containsEntry(MovedMessages.DELIVERY_COUNT, 4)
            .containsEntry(MovedMessages.LAST_FAILURE_CLASS, "java.lang.IllegalStateException")
            .containsEntry(MovedMessages.LAST_FAILURE_MESSAGE, "fourth")
            .containsEntry(MovedMessages.MOVED_AT, START + 600);
        assertThat(broker.failureHistory("DLQ.orders", dead.messageSeq())).isEmpty();
    }

    @Test
    void shouldKeepEveryFailureInTheDeadLetteredMessagesHistoryAcrossRestart()
    {
        fixture.send("orders", text("poison"));
        Delivery delivery = sink.take();
        delivery = failAndExpectBackAfter(delivery, 100, "first");
        delivery = failAndExpectBackAfter(delivery, 200, "second");
        delivery = failAndExpectBackAfter(delivery, 300, "third");
        broker.fail(session, delivery.deliveryTag(), new DeliveryFailure("java.io.IOException", "fourth"));

        assertThat(broker.failureHistory("DLQ.orders", delivery.messageSeq())).extracting(DeliveryFailure::message)
            .containsExactly("first", "second", "third", "fourth");
        fixture.restart();
        assertThat(fixture.broker.failureHistory("DLQ.orders", delivery.messageSeq()))
            .extracting(DeliveryFailure::message).containsExactly("first", "second", "third", "fourth");
        assertThat(fixture.broker.browse("DLQ.orders", MessageFilter.ACCEPT_ALL)).singleElement()
            .satisfies(browsed -> assertThat(browsed.message().properties())
                .containsEntry(MovedMessages.LAST_FAILURE_CLASS, "java.io.IOException"));
    }

    @Test
    void shouldKeepDeliveryCountAndPendingRedeliveryTimeAcrossRestart()
    {
        fixture.send("orders", text("retry"));
        final Delivery delivery = sink.take();
        broker.fail(session, delivery.deliveryTag(), null);
        fixture.restart();
        connect();
        fixture.advance(99);
        assertThat(broker.depth("orders")).isEqualTo(1);
        sink.assertEmpty(Duration.ofMillis(30));
        fixture.advance(1);
        final Delivery again = sink.take();
        assertThat(again.deliveryCount()).isEqualTo(2);
        assertThat(again.redelivered()).isTrue();
    }

    @Test
    void shouldRedeliverUnacknowledgedDeliveriesOnRecoverCountingTheAttempt()
    {
        fixture.send("orders", text("a"));
        final Delivery first = sink.take();
        broker.recover(session);
        broker.addCredit(consumer, 1);
        fixture.advance(100);
        final Delivery again = sink.take();
        assertThat(textOf(again)).isEqualTo("a");
        assertThat(again.deliveryCount()).isEqualTo(2);
        assertThat(again.deliveryTag()).isNotEqualTo(first.deliveryTag());
        assertThat(broker.acknowledge(session, 0, first.deliveryTag())).isZero();
        assertThat(broker.acknowledge(session, 0, again.deliveryTag())).isEqualTo(1);
        assertThat(broker.depth("orders")).isZero();
    }

    @Test
    void shouldReturnReleasedPrefetchWithoutCountingIt()
    {
        fixture.send("orders", text("a"));
        final Delivery prefetched = sink.take();
        broker.closeConsumer(consumer, prefetched.deliveryTag());
        final CollectingSink next = new CollectingSink();
        broker.openConsumer(session, ConsumerSpec.queue("orders", 1), next);
        final Delivery delivered = next.take();
        assertThat(delivered.deliveryCount()).isEqualTo(1);
        assertThat(delivered.redelivered()).isFalse();
    }

    @Test
    void shouldDeadLetterOnTheNextAttemptWhenAttemptsRanOutWithoutAFailureReport()
    {
        fixture.close();
        fixture = new BrokerFixture(directory, context -> context.redeliveryPolicies(
            new RedeliveryPolicies().add("orders", BACKOFF.withMaxDeliveries(1))));
        broker = fixture.broker;
        fixture.send("orders", text("doomed"));
        session = broker.openSession();
        sink = new CollectingSink();
        consumer = broker.openConsumer(session, ConsumerSpec.queue("orders", 1).withRecordedAttempts(true), sink);
        assertThat(sink.take().deliveryCount()).isEqualTo(1);
        fixture.restart();
        assertThat(fixture.broker.depth("orders")).isEqualTo(1);
        final CollectingSink retry = new CollectingSink();
        fixture.broker.openConsumer(fixture.broker.openSession(), ConsumerSpec.queue("orders", 1), retry);
        assertThat(fixture.broker.depth("DLQ.orders")).isEqualTo(1);
        retry.assertEmpty(Duration.ofMillis(30));
        assertThat(fixture.broker.depth("orders")).isZero();
    }
}
