package dev.quire.store.record;

/**
 * The shape of a stored message body. The store keeps the body as opaque bytes; this tells the reader
 * how to interpret them.
 */
public enum BodyType
{
    /** No body (a plain message). */
    NONE(0),
    /** Raw bytes. */
    BYTES(1),
    /** UTF-8 text. */
    TEXT(2),
    /** A map encoded by the messaging layer. */
    MAP(3),
    /** A stream of typed values encoded by the messaging layer. */
    STREAM(4),
    /** A serialized object, stored as the bytes the messaging layer produced. */
    OBJECT(5);

    private static final BodyType[] BY_CODE = new BodyType[8];

    static
    {
        for (final BodyType type : values())
        {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;

    BodyType(final int code)
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
     * @return the body type, or null when unknown.
     */
    public static BodyType fromCode(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
