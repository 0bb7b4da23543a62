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
}
