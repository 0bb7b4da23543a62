package dev.quire.jms;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The non-persistent sends of one producer that returned without waiting for the broker, as ActiveMQ
 * Artemis and IBM MQ send non-persistent messages by default: the producer hands the message to the engine
 * and goes on, so a stream of them costs no thread hand-off per message.
 * <p>
 * At most {@link #WINDOW} of them are unconfirmed at a time: the next send first waits for the oldest,
 * which keeps a fast producer from filling the engine's command queue and is how the engine's flow
 * control (it holds the confirmation while the consumers fall behind) slows the producer down. A send the
 * broker refused is reported to the failure sink (the connection's exception listener) when it is
 * settled. Only a destination this producer has already sent to successfully is sent to this way, and
 * never a temporary one (which another connection may delete): the sends the broker is likely to refuse
 * (a name of the other kind, a deleted temporary destination) still fail in the {@code send} call.
 */
final class UnconfirmedSends
{
    /**
     * How many sends may be unconfirmed at once.
     */
    static final int WINDOW = 128;

    private final CompletableFuture<?>[] sends = new CompletableFuture<?>[WINDOW];
    private final Consumer<RuntimeException> failureSink;
    private int next;
    private String confirmedDestination;

    UnconfirmedSends(final Consumer<RuntimeException> failureSink)
    {
        this.failureSink = failureSink;
    }

    /**
     * @return whether a non-persistent send to {@code destination} may return without waiting.
     */
    synchronized boolean mayLeaveUnconfirmed(final QuireDestination destination)
    {
        return !destination.isTemporary() && destination.name().equals(confirmedDestination);
    }

    /**
     * Notes that a send to {@code destination} was confirmed: the next ones may go unconfirmed.
     */
    synchronized void confirmed(final QuireDestination destination)
    {
        confirmedDestination = destination.name();
    }

    /**
     * Adds a send left unconfirmed, first waiting for the oldest one when the window is full.
     */
    synchronized void add(final CompletableFuture<Void> send)
    {
        settle(sends[next]);
        sends[next] = send;
        next = (next + 1) % WINDOW;
    }

    /**
     * Waits for every unconfirmed send, reporting those the broker refused.
     */
    synchronized void settleAll()
    {
        for (int i = 0; i < WINDOW; i++)
        {
            settle(sends[i]);
            sends[i] = null;
        }
    }

    private void settle(final CompletableFuture<?> send)
    {
        if (send == null)
        {
            return;
        }
        try
        {
            send.join();
        }
        catch (final RuntimeException failure)
        {
            confirmedDestination = null;
            failureSink.accept(failure);
        }
    }
}
