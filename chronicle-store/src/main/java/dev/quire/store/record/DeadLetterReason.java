package dev.quire.store.record;

/**
 * Why a message was dead-lettered.
 */
public enum DeadLetterReason
{
    /** It reached the maximum number of delivery attempts. */
    MAX_DELIVERIES(1),
    /** It expired and the destination dead-letters expired messages. */
    EXPIRED(2),
    /** A consumer or an administrator rejected it. */
    REJECTED(3),
    /** It could not be routed to any destination. */
    UNROUTABLE(4);

    private final int code;

    DeadLetterReason(final int code)
    {
        this.code = code;
    }

    /**
     * @return the stored code.
     */
    public int code()
    {
        return code;
    }

    /**
     * @param code a stored code.
     * @return the reason, or null when unknown.
     */
    public static DeadLetterReason fromCode(final int code)
    {
        for (final DeadLetterReason reason : values())
        {
            if (reason.code == code)
            {
                return reason;
            }
        }
        return null;
    }
}
