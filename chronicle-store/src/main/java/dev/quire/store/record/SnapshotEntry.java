package dev.quire.store.record;

import java.util.List;
import java.util.Objects;

/**
 * One message in a {@link MessageSnapshot}: the message and every queue it is on.
 *
 * @param messageSeq  the message.
 * @param destination where it was sent.
 * @param message     the message itself.
 * @param placements  the queues holding it, with its state on each.
 */
public record SnapshotEntry(long messageSeq, String destination, StoredMessage message, List<Placement> placements)
{
    /**
     * Checks the values and copies the placements.
     */
    public SnapshotEntry
    {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(message, "message");
        placements = List.copyOf(placements);
    }
}
