package dev.quire.engine;

import java.util.Objects;

/**
 * A request the engine refused. The {@link Reason} tells the JMS layer which exception the
 * specification names for it.
 */
public final class BrokerException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * Why a request was refused.
     */
    public enum Reason
    {
        /** The broker is closed. */
        CLOSED,
        /** A destination name is not known, or of the other kind. */
        INVALID_DESTINATION,
        /** A consumer, session, delivery or transaction id is not known (already closed or finished). */
        UNKNOWN_ID,
        /** A durable subscription is in use by an active consumer, or exists with other settings. */
        SUBSCRIPTION_IN_USE,
        /** A request that does not fit the current state (acknowledging a delivery of another session...). */
        ILLEGAL_STATE,
        /** The engine's command queue stayed full. */
        OVERLOADED
    }

    private final Reason reason;

    /**
     * @param reason  why.
     * @param message a message a person can act on.
     */
    public BrokerException(final Reason reason, final String message)
    {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @return why the request was refused.
     */
    public Reason reason()
    {
        return reason;
    }
}
