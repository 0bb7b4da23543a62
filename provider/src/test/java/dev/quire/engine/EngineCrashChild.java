package dev.quire.engine;

import dev.quire.store.record.BodyType;
import dev.quire.store.record.DestinationKind;
import dev.quire.store.record.StoredMessage;
import dev.quire.store.record.XidValue;

import javax.transaction.xa.XAResource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process the engine crash tests kill. It opens a {@link BrokerFixture} (so parent and child run
 * the same settings) on DIR and prints a line as soon as something has happened that the parent may
 * rely on. Modes:
 * <ul>
 *   <li>{@code consume DIR QUEUE}: a consumer with credit 1 that records its delivery attempts and never
 *       acknowledges; prints {@code GOT deliveryCount} for each delivery, then waits to be killed;</li>
 *   <li>{@code send DIR QUEUE FIRST}: sends persistent messages numbered FIRST, FIRST + 1... one at a
 *       time, printing {@code SENT n} once the send's future has completed, until killed;</li>
 *   <li>{@code transact DIR QUEUE FIRST}: commits local transactions of {@link #BATCH_SIZE} sends each,
 *       batches numbered from FIRST, printing {@code COMMITTED k} once the commit's future has
 *       completed, until killed;</li>
 *   <li>{@code prepare DIR QUEUE}: prepares XA branch {@link #XID} holding {@link #XA_SENDS} sends,
 *       prints {@code PREPARED} and waits to be killed.</li>
 * </ul>
 */
public final class EngineCrashChild
{
    /** The property holding a message's number ({@code send}). */
    static final String NUMBER = "n";
    /** The property holding a message's batch number ({@code transact}). */
    static final String BATCH = "batch";
    /** The property holding a message's index in its batch or branch. */
    static final String INDEX = "index";
    /** How many messages one local transaction sends. */
    static final int BATCH_SIZE = 5;
    /** How many messages the prepared XA branch sends. */
    static final int XA_SENDS = 2;
    /** The XA branch {@code prepare} leaves prepared. */
    static final XidValue XID = new XidValue(0x5155, "engine-crash".getBytes(StandardCharsets.UTF_8),
        "branch-1".getBytes(StandardCharsets.UTF_8));

    private EngineCrashChild()
    {
    }

    /**
     * @param args see the class comment.
     * @throws Exception when anything fails; the parent then misses the line it waits for.
     */
    @SuppressWarnings("resource")
    public static void main(final String[] args) throws Exception
    {
        final BrokerFixture fixture = new BrokerFixture(Path.of(args[1]));
        final String queue = args[2];
        switch (args[0])
        {
            case "consume" -> consume(fixture.broker, queue, true);
            case "consume-unrecorded" -> consume(fixture.broker, queue, false);
            case "send" -> send(fixture, queue, Long.parseLong(args[3]));
            case "transact" -> transact(fixture.broker, queue, Long.parseLong(args[3]));
            case "prepare" -> prepare(fixture.broker, queue);
            case "timing" -> timing(fixture, queue);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        Thread.currentThread().join();
    }

    /**
     * @param id         the message id's suffix.
     * @param properties the message's properties.
     * @return a persistent text message.
     */
    static StoredMessage message(final String id, final Map<String, Object> properties)
    {
        return new StoredMessage("ID:" + id, null, null, null, true, 4, BrokerFixture.START, 0, 0, properties,
            BodyType.TEXT, id.getBytes(StandardCharsets.UTF_8));
    }

    private static void consume(final Broker broker, final String queue, final boolean recordAttempts)
    {
        broker.openConsumer(broker.openSession(), ConsumerSpec.queue(queue, 1).withRecordedAttempts(recordAttempts),
            delivery -> System.out.println("GOT " + delivery.deliveryCount()));
    }

    private static void send(final BrokerFixture fixture, final String queue, final long first)
    {
        for (long n = first; ; n++)
        {
            fixture.send(queue, message("n-" + n, Map.of(NUMBER, n)));
            System.out.println("SENT " + n);
        }
    }

    private static void transact(final Broker broker, final String queue, final long first)
    {
        for (long batch = first; ; batch++)
        {
            final long transaction = broker.beginTransaction();
            for (int index = 0; index < BATCH_SIZE; index++)
            {
                broker.send(transaction, DestinationKind.QUEUE, queue,
                    message("batch-" + batch + "-" + index, Map.of(BATCH, batch, INDEX, index)), 0);
            }
            broker.commit(transaction).join();
            System.out.println("COMMITTED " + batch);
        }
    }

    /**
     * Sends messages of several priorities, one with a time-to-live and one with a delivery delay, all
     * stored before it reports.
     */
    private static void timing(final BrokerFixture fixture, final String queue)
    {
        fixture.send(queue, BrokerFixture.message("low", 1, 0, 0, true));
        fixture.send(queue, BrokerFixture.message("mortal", 9, BrokerFixture.START + 30_000, 0, true));
        fixture.send(queue, BrokerFixture.message("later", 9, 0, BrokerFixture.START + 60_000, true));
        fixture.send(queue, BrokerFixture.message("high", 9, 0, 0, true));
        fixture.send(queue, BrokerFixture.message("mid", 5, 0, 0, true));
        System.out.println("SENT ALL");
    }

    private static void prepare(final Broker broker, final String queue) throws Exception
    {
        final long transaction = broker.xaStart(XID, XAResource.TMNOFLAGS);
        for (int index = 0; index < XA_SENDS; index++)
        {
            broker.send(transaction, DestinationKind.QUEUE, queue, message("xa-" + index, Map.of(INDEX, index)), 0);
        }
        broker.xaEnd(XID, XAResource.TMSUCCESS);
        if (broker.xaPrepare(XID) != XAResource.XA_OK)
        {
            throw new IllegalStateException("the branch did not prepare");
        }
        System.out.println("PREPARED");
    }
}
