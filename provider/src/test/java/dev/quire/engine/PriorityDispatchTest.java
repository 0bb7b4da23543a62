package dev.quire.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.quire.engine.BrokerFixture.message;
import static dev.quire.engine.BrokerFixture.textOf;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class PriorityDispatchTest
{
    @TempDir
    Path directory;

    private BrokerFixture fixture;
    private Broker broker;
    private long session;

    @BeforeEach
    void open()
    {
        fixture = new BrokerFixture(directory);
        broker = fixture.broker;
        session = broker.openSession();
    }

    @AfterEach
    void close()
    {
        fixture.close();
    }

    private List<String> receiveAll(final CollectingSink sink, final long consumer, final int count)
    {
        final List<String> received = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            final Delivery delivery = sink.take();
            received.add(textOf(delivery));
            broker.acknowledge(session, 0, delivery.deliveryTag());
            broker.addCredit(consumer, 1);
        }
        return received;
    }

    @Test
    void shouldDeliverHighestPriorityFirstAndFifoWithinPriority()
    {
        final int[] priorities = {4, 9, 0, 4, 9, 7, 0, 1};
        for (int i = 0; i < priorities.length; i++)
        {
            fixture.send("orders", message("p" + priorities[i] + "-" + i, priorities[i], 0, 0, true));
        }
        final CollectingSink sink = new CollectingSink();
        final long consumer = broker.openConsumer(session, ConsumerSpec.queue("orders", 1), sink);

        assertThat(receiveAll(sink, consumer, priorities.length))
            .containsExactly("p9-1", "p9-4", "p7-5", "p4-0", "p4-3", "p1-7", "p0-2", "p0-6");
    }

    @Test
    void shouldNotLetPrefetchDefeatPriority()
    {
        final CollectingSink sink = new CollectingSink();
        final long consumer = broker.openConsumer(session, ConsumerSpec.queue("orders", 1), sink);
        fixture.send("orders", message("low-1", 1, 0, 0, true));
        fixture.send("orders", message("low-2", 1, 0, 0, true));
        final Delivery first = sink.take();
        assertThat(textOf(first)).isEqualTo("low-1");
        fixture.send("orders", message("urgent", 9, 0, 0, true));
        broker.acknowledge(session, 0, first.deliveryTag());
        broker.addCredit(consumer, 1);
        assertThat(textOf(sink.take())).isEqualTo("urgent");
    }

    @Test
    void shouldPullOneAtATimeWithZeroCredit()
    {
        fixture.send("orders", message("a", 4, 0, 0, true));
        fixture.send("orders", message("b", 4, 0, 0, true));
        final CollectingSink sink = new CollectingSink();
        final long consumer = broker.openConsumer(session, ConsumerSpec.queue("orders", 0), sink);
        assertThat(broker.depth("orders")).isEqualTo(2);
        sink.assertEmpty(Duration.ofMillis(50));
        broker.addCredit(consumer, 1);
        assertThat(textOf(sink.take())).isEqualTo("a");
        assertThat(broker.depth("orders")).isEqualTo(2);
        assertThat(sink.size()).isZero();
    }

    @Test
    void shouldShareQueueBetweenCompetingConsumers()
    {
        final CollectingSink first = new CollectingSink();
        final CollectingSink second = new CollectingSink();
        broker.openConsumer(session, ConsumerSpec.queue("orders", 2), first);
        broker.openConsumer(session, ConsumerSpec.queue("orders", 2), second);
        for (int i = 0; i < 4; i++)
        {
            fixture.send("orders", message("m" + i, 4, 0, 0, true));
        }
        final List<String> all = new ArrayList<>();
        first.take(2).forEach(delivery -> all.add(textOf(delivery)));
        second.take(2).forEach(delivery -> all.add(textOf(delivery)));
        assertThat(all).containsExactlyInAnyOrder("m0", "m1", "m2", "m3");
    }

    @Test
    void shouldDeliverNonPersistentMessagesWithoutJournal()
    {
        fixture.send("orders", message("fast", 4, 0, 0, false));
        final CollectingSink sink = new CollectingSink();
        broker.openConsumer(session, ConsumerSpec.queue("orders", 1), sink);
        assertThat(textOf(sink.take())).isEqualTo("fast");
        fixture.restart();
        assertThat(fixture.broker.depth("orders")).isZero();
    }

    @Test
    void shouldOnlyDeliverMessagesMatchingTheConsumerFilter()
    {
        fixture.send("orders", message("red", 4, 0, 0, true));
        fixture.send("orders", message("blue", 4, 0, 0, true));
        final CollectingSink sink = new CollectingSink();
        broker.openConsumer(session, ConsumerSpec.queue("orders", 5)
            .withSelector("name = 'blue'", stored -> "blue".equals(stored.properties().get("name"))), sink);
        assertThat(textOf(sink.take())).isEqualTo("blue");
        sink.assertEmpty(Duration.ofMillis(50));
        assertThat(broker.browse("orders", MessageFilter.ACCEPT_ALL)).extracting(m -> m.message().properties().get("name"))
            .containsExactly("red");
    }
}
