package dev.quire.engine;

import dev.quire.store.record.DestinationKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.quire.engine.BrokerFixture.text;
import static dev.quire.engine.BrokerFixture.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Temporary destinations live in memory only: they and their messages never reach the journal, and once
 * deleted (or the broker restarted) they cannot come back by a send or a consumer.
 */
@Timeout(30)
class TemporaryDestinationTest
{
    private static final String QUEUE = Broker.TEMPORARY_PREFIX + "replies-1";
    private static final String TOPIC = Broker.TEMPORARY_PREFIX + "events-1";

    @TempDir
    Path directory;

    private BrokerFixture fixture;

    @BeforeEach
    void open()
    {
        fixture = new BrokerFixture(directory);
    }

    @AfterEach
    void close()
    {
        fixture.close();
    }

    @Test
    void shouldDeliverPersistentMessagesOnATemporaryQueueWithoutKeepingThemAcrossARestart()
    {
        final Broker broker = fixture.broker;
        broker.createTemporary(DestinationKind.QUEUE, QUEUE);
        fixture.send(QUEUE, text("reply"));
        final CollectingSink sink = new CollectingSink();
        broker.openConsumer(broker.openSession(), ConsumerSpec.queue(QUEUE, 1), sink);
        assertThat(textOf(sink.take())).isEqualTo("reply");
        fixture.send(QUEUE, text("left over"));

        final Broker restarted = fixture.restart();
        assertThat(restarted.depth(QUEUE)).as("the temporary queue after a restart").isEqualTo(-1);
        assertThatThrownBy(() -> fixture.send(QUEUE, text("too late")))
            .rootCause().isInstanceOf(BrokerException.class).hasMessageContaining("does not exist");
    }

    @Test
    void shouldRefuseSendsAndConsumersOnceATemporaryQueueIsDeleted()
    {
        final Broker broker = fixture.broker;
        broker.createTemporary(DestinationKind.QUEUE, QUEUE);
        assertThat(broker.deleteDestination(QUEUE)).isTrue();
        assertThatThrownBy(() -> fixture.send(QUEUE, text("after delete")))
            .rootCause().isInstanceOf(BrokerException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> broker.openConsumer(broker.openSession(), ConsumerSpec.queue(QUEUE, 1), new CollectingSink()))
            .isInstanceOf(BrokerException.class).hasMessageContaining("does not exist");
        final long transaction = broker.beginTransaction();
        broker.send(transaction, DestinationKind.QUEUE, QUEUE, text("in a transaction"), 0);
        assertThatThrownBy(() -> broker.commit(transaction).join())
            .rootCause().isInstanceOf(BrokerException.class).hasMessageContaining("does not exist");
    }

    @Test
    void shouldRefuseADurableSubscriptionOnATemporaryTopic()
    {
        final Broker broker = fixture.broker;
        broker.createTemporary(DestinationKind.TOPIC, TOPIC);
        assertThatThrownBy(() -> broker.openConsumer(broker.openSession(), ConsumerSpec.durable(TOPIC, "app:sub", 1),
            new CollectingSink())).isInstanceOf(BrokerException.class).hasMessageContaining("temporary topic");
        final CollectingSink sink = new CollectingSink();
        broker.openConsumer(broker.openSession(), ConsumerSpec.topic(TOPIC, 1), sink);
        fixture.publish(TOPIC, text("event"));
        assertThat(textOf(sink.take())).isEqualTo("event");
    }

    @Test
    void shouldReserveTheTemporaryPrefix()
    {
        assertThatThrownBy(() -> fixture.send(Broker.TEMPORARY_PREFIX + "made-up", text("x")))
            .rootCause().isInstanceOf(BrokerException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> fixture.broker.createTemporary(DestinationKind.QUEUE, "no-prefix"))
            .isInstanceOf(BrokerException.class).hasMessageContaining(Broker.TEMPORARY_PREFIX);
    }
}
