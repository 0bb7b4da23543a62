package dev.quire.benchmarks.journal;

import dev.quire.store.record.BodyType;
import dev.quire.store.record.MessageSent;
import dev.quire.store.record.StoredMessage;

import java.util.Map;

/**
 * The record every journal benchmark appends: a persistent message with a 1 KiB body.
 */
public final class BenchmarkRecords
{
    static final int BODY_SIZE = 1024;

    private BenchmarkRecords()
    {
    }

    /**
     * @return a persistent message record with a 1 KiB body.
     */
    public static MessageSent oneKibMessage()
    {
        final byte[] body = new byte[BODY_SIZE];
        for (int i = 0; i < body.length; i++)
        {
            body[i] = (byte)i;
        }
        return new MessageSent(1, "bench", new StoredMessage("ID:bench-1", null, null, null, true, 4,
            1_767_225_600_000L, 0, 0, Map.of(), BodyType.BYTES, body));
    }
}
