package dev.quire.engine;

import dev.quire.store.CompactionReport;
import dev.quire.store.RollCycle;
import dev.quire.store.record.DeliveryFailure;
import dev.quire.store.record.DestinationKind;
import dev.quire.store.record.XidValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.transaction.xa.XAResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static dev.quire.engine.BrokerFixture.text;
import static dev.quire.engine.BrokerFixture.textOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journal retention driven by the engine: consumed messages let their cycles go, live state survives
 * being copied forward and a restart. One journal cycle per second of the fixture's clock.
 */
@Timeout(60)
class EngineCompactionTest
{
    @TempDir
    Path directory;

    private BrokerFixture fixture;

    @BeforeEach
    void open()
    {
        fixture = new BrokerFixture(directory, context ->
        {
            context.journal().rollCycle(RollCycle.SECONDLY);
            context.compactionMaxLiveFraction(1.0);
        });
    }

    @AfterEach
    void close()
    {
        fixture.close();
    }

    private long cycleFiles() throws IOException
    {
        try (Stream<Path> files = Files.list(directory))
        {
            return files.filter(file -> file.toString().endsWith(".cq4")).count();
        }
    }

    private void churn(final String queue, final int messages)
    {
        final Broker broker = fixture.broker;
        final long session = broker.openSession();
        final CollectingSink sink = new CollectingSink();
        final long consumer = broker.openConsumer(session, ConsumerSpec.queue(queue, messages), sink);
        for (int i = 0; i < messages; i++)
        {
            fixture.send(queue, text(queue + "-" + i));
        }
        for (final Delivery delivery : sink.take(messages))
        {
            broker.acknowledge(session, 0, delivery.deliveryTag());
        }
        broker.closeConsumer(consumer);
        broker.closeSession(session);
    }

    private CompactionReport nextCycleAndCompact()
    {
        fixture.advance(1_000);
        churn("traffic", 1);
        return fixture.broker.compact();
    }

    @Test
    void shouldKeepDiskBoundedWhileAQueueIsProducedAndConsumedForever() throws IOException
    {
        long maxFiles = 0;
        for (int round = 0; round < 25; round++)
        {
            churn("traffic", 20);
            nextCycleAndCompact();
            maxFiles = Math.max(maxFiles, cycleFiles());
        }
        assertThat(maxFiles).isLessThanOrEqualTo(3);
    }

    @Test
    void shouldCompactWhileASynchronousSendWaitsForItsFlush()
    {
        for (int round = 0; round < 3; round++)
        {
            churn("traffic", 5);
            fixture.advance(1_000);
        }
        final CompletableFuture<Void> stored = fixture.broker.send(DestinationKind.QUEUE, "orders", text("in flight"), 0);
        final CompactionReport report = fixture.broker.compact();
        stored.join();
        assertThat(report.cyclesDeleted()).as("old cycles deleted while a send in the current cycle waited for the disk")
            .isPositive();
        assertThat(fixture.broker.depth("orders")).isEqualTo(1);
    }

    @Test
    void shouldKeepLiveMessageWithCountAndFailuresThroughCompactionAndRestart() throws IOException
    {
        fixture.send("orders", text("survivor"));
        final Broker broker = fixture.broker;
        final long session = broker.openSession();
        final CollectingSink sink = new CollectingSink();
        final long consumer = broker.openConsumer(session, ConsumerSpec.queue("orders", 1), sink);
        broker.fail(session, sink.take().deliveryTag(), new DeliveryFailure("x.First", "one"));
        broker.addCredit(consumer, 1);
        broker.fail(session, sink.take().deliveryTag(), new DeliveryFailure("x.Second", "two"));
        broker.closeConsumer(consumer);
        for (int round = 0; round < 4; round++)
        {
            churn("traffic", 10);
            nextCycleAndCompact();
        }
        assertThat(cycleFiles()).isLessThanOrEqualTo(2);

        fixture.restart();
        final Broker restarted = fixture.broker;
        final CollectingSink again = new CollectingSink();
        final long seq = restarted.browse("orders", MessageFilter.ACCEPT_ALL).get(0).messageSeq();
        assertThat(restarted.failureHistory("orders", seq)).extracting(DeliveryFailure::exceptionClass)
            .containsExactly("x.First", "x.Second");
        restarted.openConsumer(restarted.openSession(), ConsumerSpec.queue("orders", 1), again);
        final Delivery delivery = again.take();
        assertThat(textOf(delivery)).isEqualTo("survivor");
        assertThat(delivery.deliveryCount()).isEqualTo(3);
        assertThat(delivery.redelivered()).isTrue();
    }

    @Test
    void shouldNotResurrectConsumedSendsOfACompactedTransaction() throws IOException
    {
        final Broker broker = fixture.broker;
        final long transaction = broker.beginTransaction();
        for (int i = 0; i < 3; i++)
        {
            broker.send(transaction, DestinationKind.QUEUE, "orders", text("tx-" + i), 0);
        }
        broker.commit(transaction).join();
        final long session = broker.openSession();
        final CollectingSink sink = new CollectingSink();
        final long consumer = broker.openConsumer(session, ConsumerSpec.queue("orders", 2), sink);
        for (final Delivery delivery : sink.take(2))
        {
            broker.acknowledge(session, 0, delivery.deliveryTag());
        }
        broker.closeConsumer(consumer);
        broker.closeSession(session);
        for (int round = 0; round < 4; round++)
        {
            nextCycleAndCompact();
        }
        assertThat(cycleFiles()).isLessThanOrEqualTo(2);

        fixture.restart();
        assertThat(fixture.broker.browse("orders", MessageFilter.ACCEPT_ALL))
            .extracting(browsed -> browsed.message().properties().get("name")).containsExactly("tx-2");
    }

    @Test
    void shouldKeepSubscriptionsDeadLettersAndPreparedBranchesThroughCompaction() throws Exception
    {
        final Broker broker = fixture.broker;
        final long session = broker.openSession();
        broker.closeConsumer(broker.openConsumer(session, ConsumerSpec.durable("prices", "app:sub", 5), new CollectingSink()));
        fixture.advance(1_000);
        fixture.publish("prices", text("tick"));
        fixture.send("poison", text("bad"));
        final CollectingSink sink = new CollectingSink();
        final long consumer = broker.openConsumer(session, ConsumerSpec.queue("poison", 20), sink);
        for (int attempt = 0; attempt < 10; attempt++)
        {
            broker.fail(session, sink.take().deliveryTag(), null);
            broker.addCredit(consumer, 1);
        }
        broker.closeConsumer(consumer);
        final XidValue xid = new XidValue(1, new byte[] {9}, new byte[] {1});
        final long branch = broker.xaStart(xid, XAResource.TMNOFLAGS);
        broker.send(branch, DestinationKind.QUEUE, "xa", text("prepared"), 0);
        broker.xaEnd(xid, XAResource.TMSUCCESS);
        broker.xaPrepare(xid);
        for (int round = 0; round < 4; round++)
        {
            nextCycleAndCompact();
        }
        assertThat(cycleFiles()).isLessThanOrEqualTo(2);

        fixture.restart();
        final Broker restarted = fixture.broker;
        assertThat(restarted.depth("app:sub")).isEqualTo(1);
        assertThat(restarted.depth("poison")).isZero();
        assertThat(restarted.browse("DLQ.poison", MessageFilter.ACCEPT_ALL)).singleElement()
            .satisfies(dead -> assertThat(dead.message().properties())
                .containsEntry(dev.quire.engine.internal.MovedMessages.REASON, "MAX_DELIVERIES"));
        assertThat(restarted.xaRecover()).containsExactly(xid);
        restarted.xaCommit(xid, false);
        assertThat(restarted.depth("xa")).isEqualTo(1);
        fixture.publish("prices", text("tock"));
        assertThat(restarted.depth("app:sub")).isEqualTo(2);
    }
}
