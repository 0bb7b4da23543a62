package dev.quire.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class RedeliveryPolicyTest
{
    private final RedeliveryPolicy backoff = new RedeliveryPolicy(100, 2.0, 1_000, 0.0, 6, null);

    @Test
    void shouldGrowDelayByMultiplierUpToMaximum()
    {
        final List<Long> delays = new ArrayList<>();
        for (int redelivery = 1; redelivery <= 6; redelivery++)
        {
            delays.add(backoff.delayFor(redelivery, 0.5));
        }
        assertThat(delays).containsExactly(100L, 200L, 400L, 800L, 1_000L, 1_000L);
    }

    @Test
    void shouldSpreadDelayWithinJitterBounds()
    {
        final RedeliveryPolicy jittered = new RedeliveryPolicy(1_000, 1.0, 0, 0.25, 10, null);
        assertThat(jittered.delayFor(1, 0.0)).isEqualTo(750);
        assertThat(jittered.delayFor(1, 0.5)).isEqualTo(1_000);
        assertThat(jittered.delayFor(1, 0.999999)).isBetween(1_249L, 1_250L);
        final java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int i = 0; i < 1_000; i++)
        {
            assertThat(jittered.delayFor(3, random.nextDouble())).isBetween(750L, 1_250L);
        }
    }

    @Test
    void shouldBeImmediateWithoutInitialDelay()
    {
        assertThat(RedeliveryPolicy.DEFAULT.delayFor(5, 0.9)).isZero();
    }

    @Test
    void shouldBeExhaustedAfterMaxDeliveriesAndNeverWithMinusOne()
    {
        assertThat(backoff.exhausted(5)).isFalse();
        assertThat(backoff.exhausted(6)).isTrue();
        assertThat(backoff.withMaxDeliveries(-1).exhausted(Integer.MAX_VALUE)).isFalse();
    }

    @Test
    void shouldNameDeadLetterQueueAfterDestinationUnlessConfigured()
    {
        assertThat(backoff.deadLetterQueueFor("orders")).isEqualTo("DLQ.orders");
        assertThat(new RedeliveryPolicy(0, 1, 0, 0, 3, "poison").deadLetterQueueFor("orders")).isEqualTo("poison");
    }

    @Test
    void shouldRejectInvalidValues()
    {
        assertThatThrownBy(() -> new RedeliveryPolicy(-1, 1, 0, 0, 1, null)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new RedeliveryPolicy(1, 0.5, 0, 0, 1, null)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new RedeliveryPolicy(1, 1, 0, 1.5, 1, null)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> new RedeliveryPolicy(1, 1, 0, 0, 0, null)).hasMessageContaining("maxDeliveries");
    }

    @Test
    void shouldChoosePolicyByFirstMatchingPattern()
    {
        final RedeliveryPolicy orders = RedeliveryPolicy.DEFAULT.withMaxDeliveries(3);
        final RedeliveryPolicy everything = RedeliveryPolicy.DEFAULT.withMaxDeliveries(7);
        final RedeliveryPolicies policies = new RedeliveryPolicies()
            .add("orders.*", orders)
            .add("audit.#", everything);
        assertThat(policies.policyFor("orders.eu")).isSameAs(orders);
        assertThat(policies.policyFor("orders.eu.fr")).isSameAs(RedeliveryPolicy.DEFAULT);
        assertThat(policies.policyFor("orders")).isSameAs(RedeliveryPolicy.DEFAULT);
        assertThat(policies.policyFor("audit")).isSameAs(everything);
        assertThat(policies.policyFor("audit.a.b")).isSameAs(everything);
        assertThat(policies.policyFor("ordersXeu")).isSameAs(RedeliveryPolicy.DEFAULT);
        assertThat(new RedeliveryPolicies().add("#", orders).policyFor("any.thing")).isSameAs(orders);
    }
}
