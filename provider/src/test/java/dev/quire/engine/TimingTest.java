package dev.quire.engine;

import dev.quire.engine.internal.MovedMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.quire.engine.BrokerFixture.START;
import static dev.quire.engine.BrokerFixture.message;
import static dev.quire.engine.BrokerFixture.textOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time-to-live and delivery delay, driven by the fixture's clock: no test waits for time to pass.
 */
@Timeout(30)
class TimingTest
{
    @TempDir
    Path directory;

    private BrokerFixture fixture;

    @AfterEach
    void close()
    {
        fixture.close();
    }

    private CollectingSink consume(final String queue)
    {
        final CollectingSink sink = new CollectingSink();
        fixture.broker.openConsumer(fixture.broker.openSession(), ConsumerSpec.queue(queue, 10), sink);
        return sink;
    }

    @Test
    void shouldNeverDeliverExpiredMessageAndRecordItsExpiry()
    {
        fixture = new BrokerFixture(directory);
        fixture.send("orders", message("stale", 4, START + 1_000, 0, true));
        fixture.send("orders", message("fresh", 4, START + 60_000, 0, true));
        fixture.advance(1_000);
        final CollectingSink sink = consume("orders");
        assertThat(textOf(sink.take())).isEqualTo("fresh");
        sink.assertEmpty(Duration.ofMillis(50));
        assertThat(fixture.broker.depth("orders")).isEqualTo(1);

        fixture.restart();
        assertThat(fixture.broker.depth("orders")).isEqualTo(1);
        assertThat(fixture.broker.browse("orders", MessageFilter.ACCEPT_ALL))
            .extracting(browsed -> browsed.message().properties().get("name")).containsExactly("fresh");
    }

    @Test
    void shouldMoveExpiredMessageToExpiryQueueWithItsOrigin()
    {
        fixture = new BrokerFixture(directory, context -> context.expiryQueue("Expired"));
        fixture.send("orders", message("stale", 4, START + 1_000, 0, true));
        fixture.advance(5_000);
        assertThat(fixture.broker.browse("orders", MessageFilter.ACCEPT_ALL)).isEmpty();

        final Delivery expired = consume("Expired").take();
        assertThat(textOf(expired)).isEqualTo("stale");
        assertThat(expired.message().expiration()).isZero();
        assertThat(expired.message().properties())
            .containsEntry(MovedMessages.ORIGINAL_DESTINATION, "orders")
            .containsEntry(MovedMessages.REASON, "EXPIRED")
            .containsEntry(MovedMessages.ORIGINAL_MESSAGE_ID, "ID:stale")
            .containsEntry(MovedMessages.MOVED_AT, START + 5_000)
            .containsEntry("name", "stale");

        fixture.restart();
        assertThat(fixture.broker.depth("orders")).isZero();
        assertThat(fixture.broker.depth("Expired")).isEqualTo(1);
    }

    @Test
    void shouldHoldDelayedMessageUntilItsDeliveryTimeAcrossRestart()
    {
        fixture = new BrokerFixture(directory);
        fixture.send("orders", message("later", 4, 0, START + 10_000, true));
        fixture.send("orders", message("now", 4, 0, 0, true));
        final CollectingSink sink = consume("orders");
        assertThat(textOf(sink.take())).isEqualTo("now");
        sink.assertEmpty(Duration.ofMillis(50));

        fixture.restart();
        final CollectingSink afterRestart = consume("orders");
        fixture.advance(9_999);
        assertThat(fixture.broker.depth("orders")).isEqualTo(2);
        afterRestart.take();
        afterRestart.assertEmpty(Duration.ofMillis(50));
        fixture.advance(1);
        assertThat(textOf(afterRestart.take())).isEqualTo("later");
    }
}
