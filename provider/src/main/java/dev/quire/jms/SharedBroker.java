package dev.quire.jms;

import dev.quire.engine.Broker;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One user's share of a broker from the {@link BrokerRegistry}. Closing it releases the share; the
 * broker closes with its last share. Closing twice is harmless.
 */
public final class SharedBroker implements AutoCloseable
{
    private final Path key;
    private final Broker broker;
    private final AtomicBoolean closed = new AtomicBoolean();

    SharedBroker(final Path key, final Broker broker)
    {
        this.key = key;
        this.broker = broker;
    }

    /**
     * @return the broker.
     */
    public Broker broker()
    {
        return broker;
    }

    @Override
    public void close()
    {
        if (closed.compareAndSet(false, true))
        {
            BrokerRegistry.release(key);
        }
    }
}
