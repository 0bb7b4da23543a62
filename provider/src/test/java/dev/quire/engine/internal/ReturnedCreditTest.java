package dev.quire.engine.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class ReturnedCreditTest
{
    private final ReturnedCredit credit = new ReturnedCredit();
    private final List<String> taken = new ArrayList<>();
    private final ReturnedCredit.Taker engine = (consumerId, amount) -> taken.add(consumerId + ":" + amount);

    @Test
    void shouldDropCreditForAConsumerThatIsNotOpen()
    {
        credit.give(7, 1);
        credit.open(7);
        credit.close(7);

        credit.give(7, 1);

        assertThat(credit.drainTo(engine)).isZero();
        assertThat(taken).isEmpty();
    }

    @Test
    void shouldHandTheEngineABurstOfCreditAsOneAmountPerConsumer()
    {
        credit.open(7);
        credit.open(8);

        credit.give(7, 1);
        credit.give(8, 2);
        credit.give(7, 1);
        credit.give(7, 1);

        assertThat(credit.drainTo(engine)).isEqualTo(2);
        assertThat(taken).containsExactly("7:3", "8:2");
        assertThat(credit.drainTo(engine)).isZero();
    }

    @Test
    void shouldHandOverCreditGivenAfterTheLastDrain()
    {
        credit.open(7);
        credit.give(7, 1);
        credit.drainTo(engine);

        credit.give(7, 4);

        assertThat(credit.drainTo(engine)).isEqualTo(1);
        assertThat(taken).containsExactly("7:1", "7:4");
    }

    @Test
    void shouldLoseNoCreditGivenFromManyThreadsWhileTheEngineDrains() throws InterruptedException
    {
        final int threads = 4;
        final int perThread = 50_000;
        credit.open(7);
        final CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++)
        {
            new Thread(() ->
            {
                for (int i = 0; i < perThread; i++)
                {
                    credit.give(7, 1);
                }
                done.countDown();
            }).start();
        }
        final long[] total = new long[1];
        final ReturnedCredit.Taker counting = (consumerId, amount) -> total[0] += amount;
        while (done.getCount() > 0)
        {
            credit.drainTo(counting);
        }
        credit.drainTo(counting);

        assertThat(total[0]).isEqualTo((long) threads * perThread);
    }
}
