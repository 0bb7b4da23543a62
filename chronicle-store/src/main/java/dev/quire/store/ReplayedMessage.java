package dev.quire.store;

import dev.quire.store.record.StoredMessage;

/**
 * A message met by {@link Journal#replayWithoutBodies(long, MessageReplayHandler)}, decoded only as far
 * as an index of pending messages needs: its properties and body stay in the journal unless
 * {@link #message()} asks for them.
 * <p>
 * A flyweight over the record being replayed: valid only during the call that handed it over, and
 * reused for the next message. Copy what must outlive the call.
 */
public interface ReplayedMessage
{
    /**
     * @return the engine's sequence number of the message.
     */
    long messageSeq();

    /**
     * @return the destination the message was sent to (decoded on each call).
     */
    String destination();

    /**
     * @return true for a persistent message.
     */
    boolean persistent();

    /**
     * @return the priority, 0 (lowest) to 9 (highest).
     */
    int priority();

    /**
     * @return when the message was sent (epoch ms), or 0 when disabled.
     */
    long timestamp();

    /**
     * @return when the message expires (epoch ms), or 0 for never.
     */
    long expiration();

    /**
     * @return the earliest time the message may be delivered (epoch ms).
     */
    long deliveryTime();

    /**
     * Decodes the whole message, properties and body included, from the record being replayed.
     *
     * @return the message; only during the call that handed this view over.
     */
    StoredMessage message();
}
