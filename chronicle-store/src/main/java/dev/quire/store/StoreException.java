package dev.quire.store;

import java.util.Objects;

/**
 * A failure of the durable store. Every storage failure surfaces as this exception with a {@link Kind}
 * that tells the caller what went wrong and whether retrying can help; the JMS layer maps the kind onto
 * the matching {@code JMSException} in exactly one place.
 */
public final class StoreException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * What went wrong.
     */
    public enum Kind
    {
        /** An I/O operation on the data directory failed. */
        IO,
        /** The journal holds data that cannot be a valid record: damaged, truncated or foreign. */
        CORRUPT,
        /** The disk has less free space than the configured reserve; nothing was written. */
        FULL,
        /** Another process or class loader owns the data directory. */
        LOCKED,
        /** The journal was closed. */
        CLOSED,
        /** A record was written by a format version this code does not understand. */
        VERSION
    }

    private final Kind kind;

    /**
     * @param kind    what went wrong.
     * @param message a message a person can act on.
     */
    public StoreException(final Kind kind, final String message)
    {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * @param kind    what went wrong.
     * @param message a message a person can act on.
     * @param cause   the underlying failure.
     */
    public StoreException(final Kind kind, final String message, final Throwable cause)
    {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * @return what went wrong.
     */
    public Kind kind()
    {
        return kind;
    }

    @Override
    public String toString()
    {
        return "StoreException(" + kind + "): " + getMessage();
    }
}
