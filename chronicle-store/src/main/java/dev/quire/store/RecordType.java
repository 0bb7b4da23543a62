package dev.quire.store;

/**
 * The kinds of journal record. Each has a stable one-byte code stored in the journal and the version of
 * its encoding that this code writes. A record whose code or version is not known here is a clear error,
 * never a guess.
 */
public enum RecordType
{
    /** A message was stored on a destination. */
    MESSAGE_SENT(1, 1),
    /** A message was acknowledged by its consumer and is gone from its queue. */
    MESSAGE_ACKNOWLEDGED(2, 1),
    /** A message is about to be handed to a consumer; its delivery count is raised before it goes. */
    DELIVERY_ATTEMPTED(3, 1),
    /** A delivery failed; the message comes back at a set time. */
    REDELIVERY_SCHEDULED(4, 1),
    /** A message moved to its dead-letter queue. */
    MESSAGE_DEAD_LETTERED(5, 1),
    /** A message expired. */
    MESSAGE_EXPIRED(6, 1),
    /** A local transaction committed: all its sends and acknowledgements in one record. */
    TRANSACTION_COMMITTED(7, 1),
    /** An XA branch was prepared, with its sends and acknowledgements. */
    XA_PREPARED(8, 1),
    /** A prepared XA branch was committed. */
    XA_COMMITTED(9, 1),
    /** A prepared XA branch was rolled back. */
    XA_ROLLED_BACK(10, 1),
    /** A destination was created. */
    DESTINATION_CREATED(11, 1),
    /** A destination was deleted. */
    DESTINATION_DELETED(12, 1),
    /** A durable subscription was created. */
    SUBSCRIPTION_CREATED(13, 1),
    /** A durable subscription was deleted. */
    SUBSCRIPTION_DELETED(14, 1),
    /** The complete state of some live messages, superseding every earlier record about them. */
    MESSAGE_SNAPSHOT(15, 1);

    private static final RecordType[] BY_CODE = new RecordType[16];

    static
    {
        for (final RecordType type : values())
        {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;
    private final int version;

    RecordType(final int code, final int version)
    {
        this.code = code;
        this.version = version;
    }

    /**
     * @return the code stored in the journal.
     */
    public int code()
    {
        return code;
    }

    /**
     * @return the encoding version this code writes and reads.
     */
    public int version()
    {
        return version;
    }

    /**
     * @param code a stored code.
     * @return the type, or null when the code is unknown.
     */
    public static RecordType fromCode(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
