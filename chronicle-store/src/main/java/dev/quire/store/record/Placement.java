package dev.quire.store.record;

import java.util.List;
import java.util.Objects;

/**
 * Where a message is and what has happened to it there, as a {@link MessageSnapshot} restates it.
 *
 * @param queue         the queue (or subscription queue) holding it.
 * @param deliveryCount the deliveries attempted on it so far.
 * @param visibleAt     not deliverable before this time (epoch ms), 0 for at once.
 * @param failures      every delivery failure reported, oldest first.
 * @param moved         how it came to this queue when it was dead-lettered or expired here, or null.
 */
public record Placement(String queue, int deliveryCount, long visibleAt, List<DeliveryFailure> failures, MoveInfo moved)
{
    /**
     * Checks the values and copies the failures.
     */
    public Placement
    {
        Objects.requireNonNull(queue, "queue");
        failures = List.copyOf(failures);
    }
}
