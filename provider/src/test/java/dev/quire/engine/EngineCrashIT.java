package dev.quire.engine;

import dev.quire.engine.internal.MovedMessages;
import dev.quire.store.ChildJvm;
import dev.quire.store.record.DestinationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static dev.quire.engine.EngineCrashChild.BATCH;
import static dev.quire.engine.EngineCrashChild.BATCH_SIZE;
import static dev.quire.engine.EngineCrashChild.INDEX;
import static dev.quire.engine.EngineCrashChild.NUMBER;
import static dev.quire.engine.EngineCrashChild.XA_SENDS;
import static dev.quire.engine.EngineCrashChild.XID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a child JVM running the engine with SIGKILL at the moments that matter (a delivery handed out,
 * sends and commits in progress, an XA branch prepared) and checks on restart what the broker promised:
 * delivery counts survive and end in the dead-letter queue, acknowledged sends and commits are there
 * exactly once, transactions are atomic, prepared branches can still be committed.
 */
@Timeout(120)
class EngineCrashIT
{
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(30);
    private static final int KILL_ROUNDS = 5;
    private static final int MAX_KILL_DELAY_MILLIS = 300;
    private static final String QUEUE = "orders";
    private static final String PROBE_QUEUE = "crash-probe";

    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);

    @TempDir
    Path directory;

    @TempDir
    Path logs;

    @Test
    void shouldDeadLetterMessageWhoseConsumerProcessIsKilledAtEveryAttempt() throws Exception
    {
        final int maxDeliveries = RedeliveryPolicy.DEFAULT.maxDeliveries();
        assertDeadLetteredAfterKills("consume", IntStream.rangeClosed(1, maxDeliveries).boxed().toList());
    }

    /**
     * A consumer that does not record its attempts before delivery (auto-acknowledge): the first kill goes
     * unnoticed, but every delivery after an unclean restart is recorded, so the message still ends in
     * the dead-letter queue, one kill later.
     */
    @Test
    void shouldDeadLetterMessageWhoseUnrecordedConsumerProcessIsKilledAtEveryAttempt() throws Exception
    {
        final int maxDeliveries = RedeliveryPolicy.DEFAULT.maxDeliveries();
        final List<Integer> counts = new ArrayList<>(List.of(1));
        counts.addAll(IntStream.rangeClosed(1, maxDeliveries).boxed().toList());
        assertDeadLetteredAfterKills("consume-unrecorded", counts);
    }

    private void assertDeadLetteredAfterKills(final String mode, final List<Integer> expectedCounts) throws Exception
    {
        try (BrokerFixture fixture = new BrokerFixture(directory))
        {
            fixture.send(QUEUE, EngineCrashChild.message("doomed", Map.of()));
        }
        final int maxDeliveries = RedeliveryPolicy.DEFAULT.maxDeliveries();
        final List<Integer> deliveryCounts = new ArrayList<>();
        for (int attempt = 1; attempt <= expectedCounts.size(); attempt++)
        {
            try (ChildJvm child = startChild(mode, QUEUE))
            {
                deliveryCounts.add(Integer.parseInt(child.awaitLine("GOT ", CHILD_TIMEOUT).substring("GOT ".length())));
                child.kill();
            }
        }
        assertThat(deliveryCounts).as("the delivery counts the killed consumers saw")
            .containsExactlyElementsOf(expectedCounts);

        try (BrokerFixture fixture = new BrokerFixture(directory))
        {
            final Broker broker = fixture.broker;
            final CollectingSink sink = new CollectingSink();
            broker.openConsumer(broker.openSession(), ConsumerSpec.queue(QUEUE, 1), sink);
            awaitDispatchPass(broker);
            assertThat(arrived(sink)).extracting(Delivery::deliveryCount)
                .as("further attempts at a message whose %d allowed attempts all ended in a kill (it belongs in %s)",
                    maxDeliveries, deadLetterQueue())
                .isEmpty();
            assertThat(broker.depth(QUEUE)).as("depth of %s", QUEUE).isZero();
            assertThat(broker.depth(deadLetterQueue())).as("depth of %s", deadLetterQueue()).isEqualTo(1);
            assertThat(broker.browse(deadLetterQueue(), MessageFilter.ACCEPT_ALL)).singleElement().satisfies(dead ->
            {
                assertThat(dead.message().messageId()).isEqualTo("ID:doomed");
                assertThat(dead.message().properties())
                    .containsEntry(MovedMessages.REASON, "MAX_DELIVERIES")
                    .containsEntry(MovedMessages.ORIGINAL_DESTINATION, QUEUE)
                    .containsEntry(MovedMessages.DELIVERY_COUNT, maxDeliveries);
            });
        }
    }

    @Test
    void shouldKeepEverySyncSendAcknowledgedToTheProducerExactlyOnceAcrossKills() throws Exception
    {
        final Reported sent = runKillRounds("SENT ", "send");
        final List<Long> received;
        try (BrokerFixture fixture = new BrokerFixture(directory))
        {
            received = drainAcknowledging(fixture.broker).stream()
                .map(delivery -> (Long)delivery.message().properties().get(NUMBER))
                .toList();
        }
        sent.assertAccountFor(received, "message numbers received");
    }

    @Test
    void shouldCommitLocalTransactionAtomicallyAcrossKills() throws Exception
    {
        final Reported committed = runKillRounds("COMMITTED ", "transact");
        final Map<Long, List<Integer>> indicesByBatch;
        try (BrokerFixture fixture = new BrokerFixture(directory))
        {
            indicesByBatch = drainAcknowledging(fixture.broker).stream().collect(Collectors.groupingBy(
                delivery -> (Long)delivery.message().properties().get(BATCH), TreeMap::new,
                Collectors.mapping(delivery -> (Integer)delivery.message().properties().get(INDEX), Collectors.toList())));
        }
        final List<Integer> wholeBatch = IntStream.range(0, BATCH_SIZE).boxed().toList();
        indicesByBatch.forEach((batch, indices) -> assertThat(indices)
            .as("seed %d: the messages of batch %d", seed, batch).containsExactlyElementsOf(wholeBatch));
        committed.assertAccountFor(indicesByBatch.keySet(), "batches received");
    }

    @Test
    void shouldKeepPreparedXaBranchAcrossKillAndCommitItAfterRestart() throws Exception
    {
        try (ChildJvm child = startChild("prepare", QUEUE))
        {
            child.awaitLine("PREPARED", CHILD_TIMEOUT);
            child.kill();
        }

        try (BrokerFixture fixture = new BrokerFixture(directory))
        {
            final Broker broker = fixture.broker;
            assertThat(broker.xaRecover()).containsExactly(XID);
            final CollectingSink sink = new CollectingSink();
            broker.openConsumer(broker.openSession(), ConsumerSpec.queue(QUEUE, 10), sink);
            awaitDispatchPass(broker);
            assertThat(arrived(sink)).as("deliveries of the prepared branch's sends before it commits").isEmpty();
            assertThat(broker.depth(QUEUE)).as("depth before the branch commits").isZero();

            broker.xaCommit(XID, false);
            assertThat(indicesOf(sink.take(XA_SENDS))).containsExactly(0, 1);
            assertThat(broker.xaRecover()).as("prepared branches after the commit").isEmpty();
            awaitDispatchPass(broker);
            assertThat(arrived(sink)).as("deliveries beyond the branch's %d sends", XA_SENDS).isEmpty();

            final Broker restarted = fixture.restart();
            assertThat(restarted.xaRecover()).as("prepared branches after the commit and a restart").isEmpty();
            assertThat(restarted.depth(QUEUE)).as("depth after a restart, nothing acknowledged").isEqualTo(XA_SENDS);
            final CollectingSink again = new CollectingSink();
            restarted.openConsumer(restarted.openSession(), ConsumerSpec.queue(QUEUE, 10), again);
            final List<Delivery> redelivered = again.take(XA_SENDS);
            assertThat(indicesOf(redelivered)).containsExactly(0, 1);
            assertThat(redelivered).allSatisfy(delivery -> assertThat(delivery.redelivered()).isTrue());
            awaitDispatchPass(restarted);
            assertThat(arrived(again)).as("deliveries beyond the branch's %d sends after a restart", XA_SENDS).isEmpty();
        }
    }

    @Test
    void shouldKeepPriorityOrderExpiryAndDeliveryDelayAcrossKill() throws Exception
    {
        try (ChildJvm child = startChild("timing", QUEUE))
        {
            child.awaitLine("SENT ALL", CHILD_TIMEOUT);
            child.kill();
        }

        try (BrokerFixture fixture = new BrokerFixture(directory))
        {
            final Broker broker = fixture.broker;
            fixture.advance(40_000);
            final CollectingSink sink = new CollectingSink();
            broker.openConsumer(broker.openSession(), ConsumerSpec.queue(QUEUE, 10), sink);
            assertThat(sink.take(3)).extracting(BrokerFixture::textOf).containsExactly("high", "mid", "low");
            awaitDispatchPass(broker);
            assertThat(arrived(sink)).as("the expired and the delayed message before the delay ends").isEmpty();
            assertThat(broker.depth(QUEUE)).as("three in flight and the delayed one").isEqualTo(4);

            fixture.advance(20_000);
            final Delivery later = sink.take();
            assertThat(BrokerFixture.textOf(later)).isEqualTo("later");
            assertThat(later.redelivered()).as("after a crash every recovered message may have been delivered").isTrue();
        }
    }

    private ChildJvm startChild(final String mode, final String... args) throws Exception
    {
        final List<String> arguments = new ArrayList<>(List.of(mode, directory.toString()));
        arguments.addAll(List.of(args));
        return ChildJvm.start(EngineCrashChild.class, logs.resolve("child.log"), arguments.toArray(new String[0]));
    }

    /**
     * Runs {@link #KILL_ROUNDS} children in {@code mode}, each killed at a random moment after it first
     * reported an item done, each numbering its items on from where the one before stopped. A child
     * works on one item at a time, so only the item after the last one it reported can have been done
     * without being reported; the next child starts after that one.
     */
    private Reported runKillRounds(final String prefix, final String mode) throws Exception
    {
        final Set<Long> done = new HashSet<>();
        final Set<Long> inDoubt = new HashSet<>();
        long first = 0;
        for (int round = 0; round < KILL_ROUNDS; round++)
        {
            final List<Long> reported;
            try (ChildJvm child = startChild(mode, QUEUE, Long.toString(first)))
            {
                child.awaitLine(prefix, CHILD_TIMEOUT);
                Thread.sleep(random.nextInt(MAX_KILL_DELAY_MILLIS));
                reported = child.kill().stream()
                    .filter(line -> line.startsWith(prefix))
                    .map(line -> Long.parseLong(line.substring(prefix.length())))
                    .toList();
            }
            assertThat(reported).as("seed %d, round %d: the items the child reported done", seed, round)
                .containsExactlyElementsOf(LongStream.range(first, first + reported.size()).boxed().toList());
            done.addAll(reported);
            final long last = reported.get(reported.size() - 1);
            inDoubt.add(last + 1);
            first = last + 2;
        }
        return new Reported(seed, done, inDoubt);
    }

    private static List<Integer> indicesOf(final List<Delivery> deliveries)
    {
        return deliveries.stream().map(delivery -> (Integer)delivery.message().properties().get(INDEX)).toList();
    }

    private static String deadLetterQueue()
    {
        return RedeliveryPolicy.DEFAULT.deadLetterQueueFor(QUEUE);
    }

    /**
     * @return the deliveries that have arrived in the sink and not been taken yet; does not wait.
     */
    private static List<Delivery> arrived(final CollectingSink sink)
    {
        return sink.take(sink.size());
    }

    /**
     * Consumes and acknowledges everything on the queue, and checks that nothing more comes.
     *
     * @return the deliveries, in delivery order.
     */
    private static List<Delivery> drainAcknowledging(final Broker broker)
    {
        final int depth = (int)Math.max(0, broker.depth(QUEUE));
        final long session = broker.openSession();
        final CollectingSink sink = new CollectingSink();
        broker.openConsumer(session, ConsumerSpec.queue(QUEUE, Math.max(1, depth)), sink);
        final List<Delivery> deliveries = sink.take(depth);
        broker.acknowledge(session, 0, deliveries.stream().mapToLong(Delivery::deliveryTag).toArray());
        awaitDispatchPass(broker);
        assertThat(arrived(sink)).as("deliveries beyond the depth of %d", depth).isEmpty();
        assertThat(broker.depth(QUEUE)).as("depth after acknowledging everything").isZero();
        return deliveries;
    }

    /**
     * Returns once the engine has run a dispatch pass over every queue marked for dispatch by the calls
     * made before: a probe message sent now is dispatched after them (the engine dispatches queues in the
     * order they were marked), so once it has arrived, their deliveries have been handed to their sinks.
     */
    private static void awaitDispatchPass(final Broker broker)
    {
        final long session = broker.openSession();
        final CollectingSink probe = new CollectingSink();
        broker.openConsumer(session, ConsumerSpec.queue(PROBE_QUEUE, 1), probe);
        broker.send(DestinationKind.QUEUE, PROBE_QUEUE, BrokerFixture.message("probe", 4, 0, 0, false), 0).join();
        broker.acknowledge(session, 0, probe.take().deliveryTag());
        broker.closeSession(session);
    }

    /**
     * What killed children reported done, and the items that may have been done without being reported.
     */
    private record Reported(long seed, Set<Long> done, Set<Long> inDoubt)
    {
        /**
         * Checks that the items found are every item reported done, each once, and nothing that was never
         * even started.
         */
        void assertAccountFor(final Collection<Long> found, final String what)
        {
            final Set<Long> duplicated = found.stream()
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()))
                .entrySet().stream().filter(count -> count.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
            assertThat(duplicated).as("seed %d: %s more than once", seed, what).isEmpty();
            final Set<Long> missing = new TreeSet<>(done);
            missing.removeAll(found);
            assertThat(missing).as("seed %d: %s reported done but not found (of %d)", seed, what, done.size()).isEmpty();
            final Set<Long> unexplained = new TreeSet<>(found);
            unexplained.removeAll(done);
            unexplained.removeAll(inDoubt);
            assertThat(unexplained).as("seed %d: %s found but never reported done nor in flight at a kill", seed, what)
                .isEmpty();
        }
    }
}
