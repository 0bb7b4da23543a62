package dev.quire.engine;

import dev.quire.store.record.DestinationKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.quire.engine.BrokerFixture.message;
import static dev.quire.engine.BrokerFixture.text;
import static dev.quire.engine.BrokerFixture.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class TopicTest
{
    private static final SelectorCompiler NAME_EQUALS = selector ->
    {
        final String wanted = selector.substring(selector.indexOf('\'') + 1, selector.lastIndexOf('\''));
        return stored -> wanted.equals(stored.properties().get("name"));
    };

    @TempDir
    Path directory;

    private BrokerFixture fixture;
    private Broker broker;
    private long session;

    @BeforeEach
    void open()
    {
        fixture = new BrokerFixture(directory, context -> context.selectorCompiler(NAME_EQUALS));
        broker = fixture.broker;
        session = broker.openSession();
    }

    @AfterEach
    void close()
    {
        fixture.close();
    }

    @Test
    void shouldGiveEverySubscriberItsOwnCopy()
    {
        final CollectingSink first = new CollectingSink();
        final CollectingSink second = new CollectingSink();
        broker.openConsumer(session, ConsumerSpec.topic("prices", 10), first);
        broker.openConsumer(session, ConsumerSpec.topic("prices", 10), second);
        fixture.publish("prices", text("tick"));
        assertThat(textOf(first.take())).isEqualTo("tick");
        assertThat(textOf(second.take())).isEqualTo("tick");
    }

    @Test
    void shouldDropMessagesPublishedWithoutSubscribers()
    {
        fixture.publish("prices", text("lost"));
        final CollectingSink late = new CollectingSink();
        broker.openConsumer(session, ConsumerSpec.topic("prices", 10), late);
        fixture.publish("prices", text("seen"));
        assertThat(textOf(late.take())).isEqualTo("seen");
        late.assertEmpty(Duration.ofMillis(30));
    }

    @Test
    void shouldKeepDurableSubscriptionAndItsMessagesAcrossRestart()
    {
        final long subscriber = broker.openConsumer(session, ConsumerSpec.durable("prices", "app:audit", 10),
            new CollectingSink());
        broker.closeConsumer(subscriber);
        fixture.publish("prices", text("while-away"));
        fixture.publish("prices", message("volatile", 4, 0, 0, false));
        assertThat(broker.depth("app:audit")).isEqualTo(2);

        fixture.restart();
        final CollectingSink sink = new CollectingSink();
        fixture.broker.openConsumer(fixture.broker.openSession(), ConsumerSpec.durable("prices", "app:audit", 10), sink);
        assertThat(textOf(sink.take())).isEqualTo("while-away");
        sink.assertEmpty(Duration.ofMillis(30));
    }

    @Test
    void shouldNotRouteMessagesSentBeforeTheSubscriptionExistedAfterRestart()
    {
        final long first = broker.openConsumer(session, ConsumerSpec.durable("prices", "early", 10), new CollectingSink());
        broker.closeConsumer(first);
        fixture.publish("prices", text("before"));
        final long second = broker.openConsumer(session, ConsumerSpec.durable("prices", "late", 10), new CollectingSink());
        broker.closeConsumer(second);
        fixture.publish("prices", text("after"));

        fixture.restart();
        assertThat(fixture.broker.depth("early")).isEqualTo(2);
        assertThat(fixture.broker.depth("late")).isEqualTo(1);
        assertThat(fixture.broker.browse("late", MessageFilter.ACCEPT_ALL))
            .extracting(browsed -> browsed.message().properties().get("name")).containsExactly("after");
    }

    @Test
    void shouldApplyDurableSubscriptionSelectorAtRoutingAndAfterRestart()
    {
        final ConsumerSpec blueOnly = ConsumerSpec.durable("colors", "app:blue", 10)
            .withSelector("name = 'blue'", NAME_EQUALS.compile("name = 'blue'"));
        broker.closeConsumer(broker.openConsumer(session, blueOnly, new CollectingSink()));
        fixture.publish("colors", text("red"));
        fixture.publish("colors", text("blue"));
        assertThat(broker.depth("app:blue")).isEqualTo(1);
        fixture.restart();
        assertThat(fixture.broker.depth("app:blue")).isEqualTo(1);
        fixture.publish("colors", text("red"));
        fixture.publish("colors", text("blue"));
        assertThat(fixture.broker.depth("app:blue")).isEqualTo(2);
    }

    @Test
    void shouldRecreateDurableSubscriptionWhenItsSelectorChanges()
    {
        broker.closeConsumer(broker.openConsumer(session, ConsumerSpec.durable("prices", "app:sub", 10), new CollectingSink()));
        fixture.publish("prices", text("old"));
        final ConsumerSpec changed = ConsumerSpec.durable("prices", "app:sub", 10)
            .withSelector("name = 'new'", NAME_EQUALS.compile("name = 'new'"));
        final CollectingSink sink = new CollectingSink();
        broker.openConsumer(session, changed, sink);
        assertThat(broker.depth("app:sub")).isZero();
        fixture.publish("prices", text("new"));
        assertThat(textOf(sink.take())).isEqualTo("new");
    }

    @Test
    void shouldRefuseSecondActiveConsumerOnUnsharedDurableSubscription()
    {
        broker.openConsumer(session, ConsumerSpec.durable("prices", "app:sub", 10), new CollectingSink());
        assertThatThrownBy(() -> broker.openConsumer(session, ConsumerSpec.durable("prices", "app:sub", 10),
            new CollectingSink()))
            .isInstanceOfSatisfying(BrokerException.class,
                ex -> assertThat(ex.reason()).isEqualTo(BrokerException.Reason.SUBSCRIPTION_IN_USE));
        assertThatThrownBy(() -> broker.unsubscribe("app:sub"))
            .isInstanceOfSatisfying(BrokerException.class,
                ex -> assertThat(ex.reason()).isEqualTo(BrokerException.Reason.SUBSCRIPTION_IN_USE));
    }

    @Test
    void shouldDeleteDurableSubscriptionWithItsMessagesOnUnsubscribe()
    {
        broker.closeConsumer(broker.openConsumer(session, ConsumerSpec.durable("prices", "app:sub", 10), new CollectingSink()));
        fixture.publish("prices", text("pending"));
        broker.unsubscribe("app:sub");
        assertThat(broker.depth("app:sub")).isEqualTo(-1);
        fixture.restart();
        assertThat(fixture.broker.depth("app:sub")).isEqualTo(-1);
        assertThatThrownBy(() -> fixture.broker.unsubscribe("app:sub"))
            .isInstanceOfSatisfying(BrokerException.class,
                ex -> assertThat(ex.reason()).isEqualTo(BrokerException.Reason.INVALID_DESTINATION));
    }

    @Test
    void shouldShareOneSubscriptionBetweenSharedConsumers()
    {
        final ConsumerSpec shared = new ConsumerSpec(DestinationKind.TOPIC, "prices", "workers", SubscriptionMode.SHARED,
            null, MessageFilter.ACCEPT_ALL, false, 0, 10, false);
        final CollectingSink first = new CollectingSink();
        final CollectingSink second = new CollectingSink();
        final long firstConsumer = broker.openConsumer(session, shared, first);
        final long secondConsumer = broker.openConsumer(session, shared, second);
        for (int i = 0; i < 4; i++)
        {
            fixture.publish("prices", text("job" + i));
        }
        final java.util.List<String> jobs = new java.util.ArrayList<>();
        first.take(2).forEach(delivery -> jobs.add(textOf(delivery)));
        second.take(2).forEach(delivery -> jobs.add(textOf(delivery)));
        assertThat(jobs).containsExactlyInAnyOrder("job0", "job1", "job2", "job3");
        assertThat(broker.depth("workers")).isEqualTo(4);
        broker.closeConsumer(firstConsumer);
        broker.closeConsumer(secondConsumer);
        assertThat(broker.depth("workers")).as("a shared non-durable subscription ends with its last consumer")
            .isEqualTo(-1);
    }

    @Test
    void shouldSkipOwnMessagesForNoLocalSubscriber()
    {
        final CollectingSink sink = new CollectingSink();
        broker.openConsumer(session, ConsumerSpec.topic("chat", 10).withConnection(true, 7), sink);
        broker.send(DestinationKind.TOPIC, "chat", text("mine"), 7).join();
        broker.send(DestinationKind.TOPIC, "chat", text("theirs"), 8).join();
        assertThat(textOf(sink.take())).isEqualTo("theirs");
        sink.assertEmpty(Duration.ofMillis(30));
    }

    @Test
    void shouldRefuseQueueNameUsedByTopic()
    {
        broker.createTopic("prices");
        assertThatThrownBy(() -> broker.createQueue("prices"))
            .isInstanceOfSatisfying(BrokerException.class,
                ex -> assertThat(ex.reason()).isEqualTo(BrokerException.Reason.INVALID_DESTINATION));
        assertThatThrownBy(() -> fixture.send("prices", text("x")))
            .hasCauseInstanceOf(BrokerException.class);
    }
}
