package dev.quire.engine;

import dev.quire.store.Durability;
import dev.quire.store.JournalContext;
import dev.quire.store.record.BodyType;
import dev.quire.store.record.DestinationKind;
import dev.quire.store.record.StoredMessage;
import org.agrona.concurrent.CachedEpochClock;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A broker on a test directory with a clock the test moves, reopened at will.
 */
final class BrokerFixture implements AutoCloseable
{
    static final long START = 1_767_225_600_000L;

    final Path directory;
    final CachedEpochClock clock = new CachedEpochClock();
    private final Consumer<BrokerContext> settings;
    Broker broker;

    BrokerFixture(final Path directory, final Consumer<BrokerContext> settings)
    {
        this.directory = directory;
        this.settings = settings;
        clock.update(START);
        broker = open();
    }

    BrokerFixture(final Path directory)
    {
        this(directory, context -> { });
    }

    private Broker open()
    {
        final BrokerContext context = new BrokerContext()
            .journal(new JournalContext().directory(directory).durability(Durability.SYNC).minFreeDiskBytes(0)
                .clock(clock::time))
            .clock(clock)
            .compactionIntervalMillis(0)
            .randomSeed(42);
        settings.accept(context);
        return Broker.open(context);
    }

    /**
     * Closes the broker cleanly and opens it again on the same directory.
     */
    Broker restart()
    {
        broker.close();
        broker = open();
        return broker;
    }

    void advance(final long millis)
    {
        clock.advance(millis);
    }

    long now()
    {
        return clock.time();
    }

    void send(final String queue, final StoredMessage message)
    {
        broker.send(DestinationKind.QUEUE, queue, message, 0).join();
    }

    void publish(final String topic, final StoredMessage message)
    {
        broker.send(DestinationKind.TOPIC, topic, message, 0).join();
    }

    static StoredMessage text(final String text)
    {
        return message(text, 4, 0, 0, true);
    }

    static StoredMessage message(final String text, final int priority, final long expiration, final long deliveryTime,
        final boolean persistent)
    {
        return new StoredMessage("ID:" + text, null, null, null, persistent, priority, START, expiration, deliveryTime,
            Map.of("name", text), BodyType.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    static String textOf(final Delivery delivery)
    {
        return new String(delivery.message().body(), StandardCharsets.UTF_8);
    }

    @Override
    public void close()
    {
        broker.close();
    }
}
