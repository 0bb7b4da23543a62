package dev.quire.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.quire.engine.BrokerFixture.text;
import static dev.quire.engine.BrokerFixture.textOf;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class SmokeTest
{
    @TempDir
    Path directory;

    @Test
    void shouldSendReceiveAcknowledgeAndSurviveRestart()
    {
        try (BrokerFixture fixture = new BrokerFixture(directory))
        {
            fixture.send("orders", text("one"));
            fixture.send("orders", text("two"));
            final long session = fixture.broker.openSession();
            final CollectingSink sink = new CollectingSink();
            final long consumer = fixture.broker.openConsumer(session, ConsumerSpec.queue("orders", 10), sink);
            final Delivery first = sink.take();
            assertThat(textOf(first)).isEqualTo("one");
            assertThat(first.deliveryCount()).isEqualTo(1);
            assertThat(first.redelivered()).isFalse();
            fixture.broker.acknowledge(session, 0, first.deliveryTag());
            final Delivery second = sink.take();
            assertThat(textOf(second)).isEqualTo("two");
            fixture.broker.closeConsumer(consumer);

            fixture.restart();
            final long session2 = fixture.broker.openSession();
            final CollectingSink sink2 = new CollectingSink();
            fixture.broker.openConsumer(session2, ConsumerSpec.queue("orders", 10), sink2);
            final Delivery again = sink2.take();
            assertThat(textOf(again)).isEqualTo("two");
            assertThat(again.redelivered()).isTrue();
            assertThat(again.deliveryCount()).isEqualTo(2);
            assertThat(fixture.broker.depth("orders")).isEqualTo(1);
        }
    }

    @Test
    void shouldHaveEveryStoredSendOnItsQueueForTheNextCommand()
    {
        try (BrokerFixture fixture = new BrokerFixture(directory))
        {
            final CollectingSink sink = new CollectingSink();
            final long session = fixture.broker.openSession();
            for (int i = 1; i <= 500; i++)
            {
                fixture.send("orders", text("m" + i));
                assertThat(fixture.broker.depth("orders")).isEqualTo(i);
            }
            fixture.broker.openConsumer(session, ConsumerSpec.queue("orders", 500), sink);
            assertThat(sink.take(500)).extracting(BrokerFixture::textOf).startsWith("m1", "m2").endsWith("m500");
        }
    }
}
