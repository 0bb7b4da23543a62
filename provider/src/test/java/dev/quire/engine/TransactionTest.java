package dev.quire.engine;

import dev.quire.store.record.DestinationKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.quire.engine.BrokerFixture.message;
import static dev.quire.engine.BrokerFixture.text;
import static dev.quire.engine.BrokerFixture.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class TransactionTest
{
    @TempDir
    Path directory;

    private BrokerFixture fixture;
    private Broker broker;

    @BeforeEach
    void open()
    {
        fixture = new BrokerFixture(directory, context -> context.redeliveryPolicies(
            new RedeliveryPolicies().defaultPolicy(new RedeliveryPolicy(50, 1.0, 0, 0.0, 3, null))));
        broker = fixture.broker;
    }

    @AfterEach
    void close()
    {
        fixture.close();
    }

    @Test
    void shouldKeepSendsInvisibleUntilCommit()
    {
        final long session = broker.openSession();
        final CollectingSink sink = new CollectingSink();
        broker.openConsumer(session, ConsumerSpec.queue("orders", 10), sink);
        final long transaction = broker.beginTransaction();
        broker.send(transaction, DestinationKind.QUEUE, "orders", text("one"), 0);
        broker.send(transaction, DestinationKind.QUEUE, "orders", text("two"), 0);
        assertThat(broker.depth("orders")).isZero();
        sink.assertEmpty(Duration.ofMillis(30));

        broker.commit(transaction).join();
        assertThat(sink.take(2)).extracting(BrokerFixture::textOf).containsExactly("one", "two");
    }

    @Test
    void shouldDropSendsOnRollback()
    {
        final long transaction = broker.beginTransaction();
        broker.send(transaction, DestinationKind.QUEUE, "orders", text("never"), 0);
        broker.rollback(transaction);
        assertThat(broker.depth("orders")).as("the queue was never even created").isEqualTo(-1);
        fixture.restart();
        assertThat(fixture.broker.depth("orders")).isEqualTo(-1);
    }

    @Test
    void shouldRollBackATransactionWhoseSendWasRefused()
    {
        broker.createTopic("prices");
        final long transaction = broker.beginTransaction();
        broker.send(transaction, DestinationKind.QUEUE, "orders", text("dropped"), 0);
        broker.send(transaction, DestinationKind.QUEUE, "prices", text("wrong kind"), 0);
        assertThatThrownBy(() -> broker.commit(transaction).join())
            .rootCause().isInstanceOf(BrokerException.class).hasMessageContaining("is a topic");
        assertThat(broker.depth("orders")).as("the queue of the other, dropped send").isEqualTo(-1);
    }

    @Test
    void shouldRedeliverTransactedAcknowledgementsOnRollbackUnderThePolicy()
    {
        fixture.send("orders", text("a"));
        final long session = broker.openSession();
        final CollectingSink sink = new CollectingSink();
        final long consumer = broker.openConsumer(session, ConsumerSpec.queue("orders", 1), sink);
        final long transaction = broker.beginTransaction();
        final Delivery first = sink.take();
        assertThat(broker.acknowledge(session, transaction, first.deliveryTag())).isEqualTo(1);
        assertThat(broker.depth("orders")).isEqualTo(1);

        broker.rollback(transaction);
        broker.addCredit(consumer, 1);
        fixture.advance(49);
        assertThat(broker.depth("orders")).isEqualTo(1);
        sink.assertEmpty(Duration.ofMillis(30));
        fixture.advance(1);
        final Delivery again = sink.take();
        assertThat(again.deliveryCount()).isEqualTo(2);
        assertThat(again.redelivered()).isTrue();

        final long second = broker.beginTransaction();
        broker.acknowledge(session, second, again.deliveryTag());
        broker.commit(second).join();
        assertThat(broker.depth("orders")).isZero();
        fixture.restart();
        assertThat(fixture.broker.depth("orders")).isZero();
    }

    @Test
    void shouldCommitSendsAndAcknowledgementsAtomicallyAcrossRestart()
    {
        fixture.send("in", text("request"));
        final long session = broker.openSession();
        final CollectingSink sink = new CollectingSink();
        broker.openConsumer(session, ConsumerSpec.queue("in", 1), sink);
        final Delivery request = sink.take();
        final long transaction = broker.beginTransaction();
        broker.acknowledge(session, transaction, request.deliveryTag());
        broker.send(transaction, DestinationKind.QUEUE, "out", message("reply", 7, 0, 0, true), 0);
        broker.send(transaction, DestinationKind.QUEUE, "out", message("volatile", 4, 0, 0, false), 0);
        broker.commit(transaction).join();

        fixture.restart();
        assertThat(fixture.broker.depth("in")).isZero();
        final List<BrowsedMessage> out = fixture.broker.browse("out", MessageFilter.ACCEPT_ALL);
        assertThat(out).extracting(browsed -> browsed.message().properties().get("name")).containsExactly("reply");
    }

    @Test
    void shouldDeadLetterAfterRepeatedRollbacks()
    {
        fixture.send("orders", text("bad"));
        final long session = broker.openSession();
        final CollectingSink sink = new CollectingSink();
        final long consumer = broker.openConsumer(session, ConsumerSpec.queue("orders", 1), sink);
        for (int attempt = 1; attempt <= 3; attempt++)
        {
            final Delivery delivery = sink.take();
            assertThat(delivery.deliveryCount()).isEqualTo(attempt);
            final long transaction = broker.beginTransaction();
            broker.acknowledge(session, transaction, delivery.deliveryTag());
            broker.rollback(transaction);
            broker.addCredit(consumer, 1);
            fixture.advance(50);
        }
        assertThat(broker.depth("orders")).isZero();
        assertThat(broker.depth("DLQ.orders")).isEqualTo(1);
    }

    @Test
    void shouldRefuseUnknownTransaction()
    {
        assertThatThrownBy(() -> broker.commit(999).join())
            .hasCauseInstanceOf(BrokerException.class)
            .hasMessageContaining("no transaction 999");
        broker.send(999, DestinationKind.QUEUE, "orders", text("x"), 0);
        assertThatThrownBy(() -> broker.commit(999).join())
            .as("a send in an unknown transaction is not waited for; the commit reports the unknown id")
            .rootCause().isInstanceOfSatisfying(BrokerException.class,
                ex -> assertThat(ex.reason()).isEqualTo(BrokerException.Reason.UNKNOWN_ID));
        assertThat(broker.depth("orders")).isEqualTo(-1);
    }

    @Test
    void shouldMakeCommittedTopicSendsReachDurableSubscriptions()
    {
        final long session = broker.openSession();
        final CollectingSink sink = new CollectingSink();
        final long subscriber = broker.openConsumer(session, ConsumerSpec.durable("prices", "app:sub", 10), sink);
        broker.closeConsumer(subscriber);
        final long transaction = broker.beginTransaction();
        broker.send(transaction, DestinationKind.TOPIC, "prices", text("tick"), 0);
        broker.commit(transaction).join();
        fixture.restart();
        assertThat(fixture.broker.depth("app:sub")).isEqualTo(1);
        final CollectingSink again = new CollectingSink();
        fixture.broker.openConsumer(fixture.broker.openSession(), ConsumerSpec.durable("prices", "app:sub", 10), again);
        assertThat(textOf(again.take())).isEqualTo("tick");
    }
}
