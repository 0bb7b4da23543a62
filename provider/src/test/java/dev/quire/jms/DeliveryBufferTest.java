package dev.quire.jms;

import dev.quire.engine.Delivery;
import dev.quire.store.record.BodyType;
import dev.quire.store.record.StoredMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class DeliveryBufferTest
{
    private final DeliveryBuffer buffer = new DeliveryBuffer();

    @Test
    void shouldHandOutDeliveriesInTheOrderTheyCame()
    {
        buffer.add(delivery(1));
        buffer.add(delivery(2));

        assertThat(buffer.poll(0).deliveryTag()).isEqualTo(1);
        assertThat(buffer.poll().deliveryTag()).isEqualTo(2);
        assertThat(buffer.poll()).isNull();
    }

    @Test
    void shouldReturnNullWhenNothingArrivesInTime()
    {
        final long start = System.nanoTime();

        assertThat(buffer.poll(TimeUnit.MILLISECONDS.toNanos(20))).isNull();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
    }

    @Test
    void shouldWakeAParkedTakerWhenTold() throws Exception
    {
        final CompletableFuture<Delivery> taken = new CompletableFuture<>();
        final Thread taker = new Thread(() -> taken.complete(buffer.poll(TimeUnit.MINUTES.toNanos(5))));
        taker.start();
        awaitParked(taker);
        buffer.add(delivery(9));
        buffer.wakeWaiter();

        assertThat(taken.get(10, TimeUnit.SECONDS).deliveryTag()).isEqualTo(9);
    }

    @Test
    void shouldDrainEverythingOldestFirst()
    {
        buffer.add(delivery(1));
        buffer.add(delivery(2));
        final List<Long> drained = new ArrayList<>();

        buffer.drain(delivery -> drained.add(delivery.deliveryTag()));

        assertThat(drained).containsExactly(1L, 2L);
        assertThat(buffer.poll()).isNull();
    }

    /**
     * Waits until the taker has given up spinning and parked: a wake-up it missed would leave it parked
     * for five minutes and fail the test on its timeout.
     */
    private static void awaitParked(final Thread taker) throws InterruptedException
    {
        while (taker.getState() != Thread.State.TIMED_WAITING)
        {
            Thread.sleep(1);
        }
    }

    private static Delivery delivery(final long tag)
    {
        return new Delivery(1, tag, "q", "q", tag, 1, false, new StoredMessage(null, null, null, null, false, 4, 0L,
            0L, 0L, Map.of(), BodyType.NONE, new byte[0]));
    }
}
