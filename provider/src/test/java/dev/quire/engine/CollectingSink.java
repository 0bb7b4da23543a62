package dev.quire.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A delivery sink that queues deliveries for a test to take.
 */
final class CollectingSink implements DeliverySink
{
    private final LinkedBlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

    @Override
    public void deliver(final Delivery delivery)
    {
        deliveries.add(delivery);
    }

    /**
     * @return the next delivery, waiting up to five seconds.
     */
    Delivery take()
    {
        try
        {
            final Delivery delivery = deliveries.poll(5, TimeUnit.SECONDS);
            if (delivery == null)
            {
                throw new AssertionError("no delivery within 5 s");
            }
            return delivery;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /**
     * @param count how many to take.
     * @return that many deliveries, in arrival order.
     */
    List<Delivery> take(final int count)
    {
        final List<Delivery> taken = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            taken.add(take());
        }
        return taken;
    }

    /**
     * Asserts that nothing arrives within a short grace period. Used only where the engine has been
     * given a chance to act (a round trip through it has completed) so the wait is not what the test relies on.
     *
     * @param grace how long to watch.
     */
    void assertEmpty(final Duration grace)
    {
        try
        {
            final Delivery delivery = deliveries.poll(grace.toMillis(), TimeUnit.MILLISECONDS);
            if (delivery != null)
            {
                throw new AssertionError("unexpected delivery " + delivery);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    int size()
    {
        return deliveries.size();
    }
}
