package dev.quire.engine;

import dev.quire.store.record.StoredMessage;

/**
 * A message seen by a browser: in the queue, not taken from it.
 *
 * @param messageSeq    the engine's sequence number.
 * @param deliveryCount how many times it has been delivered.
 * @param message       the message (with dead-letter properties for a dead-lettered one).
 */
public record BrowsedMessage(long messageSeq, int deliveryCount, StoredMessage message)
{
}
