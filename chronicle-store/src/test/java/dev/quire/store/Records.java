package dev.quire.store;

import dev.quire.store.record.BodyType;
import dev.quire.store.record.MessageSent;
import dev.quire.store.record.StoredMessage;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds records for tests.
 */
public final class Records
{
    private Records()
    {
    }

    /**
     * @param seq  the message sequence number.
     * @param body the body bytes.
     * @return a persistent message record on queue "orders".
     */
    public static MessageSent sent(final long seq, final byte[] body)
    {
        final Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("seq", seq);
        return new MessageSent(seq, "orders", new StoredMessage("ID:test-" + seq, null, null, null, true, 4,
            1_700_000_000_000L + seq, 0, 0, properties, BodyType.BYTES, body));
    }

    /**
     * @param seq the message sequence number.
     * @return a message whose text body names the sequence number.
     */
    public static MessageSent sent(final long seq)
    {
        return sent(seq, ("message " + seq).getBytes(StandardCharsets.UTF_8));
    }
}
