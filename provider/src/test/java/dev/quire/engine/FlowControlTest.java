package dev.quire.engine;

import dev.quire.engine.internal.FlowControl;
import dev.quire.store.record.DestinationKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Producer flow control of in-memory messages: held while the consumers fall behind, never for good.
 */
@Timeout(60)
class FlowControlTest
{
    private static final int OVER = FlowControl.HIGH_WATER + 10;

    @TempDir
    Path directory;

    private BrokerFixture fixture;
    private final CollectingSink sink = new CollectingSink();
    private long session;
    private long consumer;

    @BeforeEach
    void open()
    {
        fixture = new BrokerFixture(directory);
        session = fixture.broker.openSession();
    }

    @AfterEach
    void close()
    {
        fixture.close();
    }

    @Test
    void shouldHoldNonPersistentSendsWhileTheConsumerFallsBehindAndConfirmThemOnceItCatchesUp() throws Exception
    {
        consumer = fixture.broker.openConsumer(session, ConsumerSpec.queue("q", 1), sink);
        final List<CompletableFuture<Void>> sends = send(OVER, false);

        assertThat(sends.get(0)).isDone();
        assertThat(sends.get(OVER - 1)).isNotDone();
        for (int i = 0; i < OVER - FlowControl.LOW_WATER; i++)
        {
            fixture.broker.acknowledgeLater(session, consumer, sink.take().deliveryTag());
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldConfirmHeldSendsOnceTheConsumersStall() throws Exception
    {
        consumer = fixture.broker.openConsumer(session, ConsumerSpec.queue("q", 1), sink);
        final List<CompletableFuture<Void>> sends = send(OVER, false);
        assertThat(sends.get(OVER - 1)).isNotDone();

        fixture.advance(FlowControl.STALL_MILLIS);

        sends.get(OVER - 1).get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldConfirmHeldSendsWhenTheLastConsumerCloses() throws Exception
    {
        consumer = fixture.broker.openConsumer(session, ConsumerSpec.queue("q", 1), sink);
        final List<CompletableFuture<Void>> sends = send(OVER, false);
        assertThat(sends.get(OVER - 1)).isNotDone();

        fixture.broker.closeConsumer(consumer);

        sends.get(OVER - 1).get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldNotHoldSendsWhileTheConsumersTakeNothing()
    {
        consumer = fixture.broker.openConsumer(session, ConsumerSpec.queue("q", 0), sink);
        final List<CompletableFuture<Void>> sends = send(OVER, false);

        assertThat(sends).allMatch(CompletableFuture::isDone);
    }

    @Test
    void shouldNotHoldSendsToAQueueWithoutConsumers()
    {
        final List<CompletableFuture<Void>> sends = send(OVER, false);

        assertThat(sends).allMatch(CompletableFuture::isDone);
    }

    @Test
    void shouldNotHoldPersistentSendsToADurableQueue()
    {
        consumer = fixture.broker.openConsumer(session, ConsumerSpec.queue("q", 1), sink);
        final List<CompletableFuture<Void>> sends = send(OVER, true);
        sends.forEach(CompletableFuture::join);

        assertThat(fixture.broker.depth("q")).isEqualTo(OVER);
    }

    /**
     * Sends {@code count} messages without waiting, then makes a round trip through the engine so that it
     * has placed them all and ended the round that held any.
     */
    private List<CompletableFuture<Void>> send(final int count, final boolean persistent)
    {
        final List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            sends.add(fixture.broker.send(DestinationKind.QUEUE, "q",
                BrokerFixture.message("m" + i, 4, 0, 0, persistent), 0));
        }
        fixture.broker.depth("q");
        return sends;
    }
}
