package dev.quire.jms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class UnconfirmedSendsTest
{
    private final List<RuntimeException> reported = new ArrayList<>();
    private final UnconfirmedSends sends = new UnconfirmedSends(reported::add);

    @Test
    void shouldLeaveUnconfirmedOnlySendsToADestinationAlreadyConfirmed()
    {
        final QuireQueue orders = new QuireQueue("orders");

        assertThat(sends.mayLeaveUnconfirmed(orders)).isFalse();
        sends.confirmed(orders);
        assertThat(sends.mayLeaveUnconfirmed(orders)).isTrue();
        assertThat(sends.mayLeaveUnconfirmed(new QuireQueue("invoices"))).isFalse();
    }

    @Test
    void shouldNeverLeaveSendsToATemporaryDestinationUnconfirmed()
    {
        final QuireTemporaryQueue temporary = new QuireTemporaryQueue("temp-1", null);
        sends.confirmed(temporary);

        assertThat(sends.mayLeaveUnconfirmed(temporary)).isFalse();
    }

    @Test
    void shouldReportARefusedSendAndConfirmTheNextOneAgain()
    {
        final QuireQueue orders = new QuireQueue("orders");
        sends.confirmed(orders);
        final CompletableFuture<Void> refused = new CompletableFuture<>();
        refused.completeExceptionally(new IllegalStateException("refused"));

        sends.add(refused);
        sends.settleAll();

        assertThat(reported).singleElement().satisfies(failure -> assertThat(failure).hasMessageContaining("refused"));
        assertThat(sends.mayLeaveUnconfirmed(orders)).isFalse();
    }

    @Test
    void shouldWaitForTheOldestSendWhenTheWindowIsFull() throws Exception
    {
        final CompletableFuture<Void> oldest = new CompletableFuture<>();
        sends.add(oldest);
        for (int i = 1; i < UnconfirmedSends.WINDOW; i++)
        {
            sends.add(CompletableFuture.completedFuture(null));
        }
        final CompletableFuture<Void> added = new CompletableFuture<>();
        final Thread sender = new Thread(() ->
        {
            sends.add(new CompletableFuture<>());
            added.complete(null);
        });
        sender.start();
        while (sender.getState() != Thread.State.WAITING)
        {
            Thread.sleep(1);
        }

        assertThat(added).isNotDone();
        oldest.complete(null);
        added.get(10, TimeUnit.SECONDS);
        assertThat(reported).isEmpty();
    }
}
