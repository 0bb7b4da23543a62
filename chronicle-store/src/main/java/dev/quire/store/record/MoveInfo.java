package dev.quire.store.record;

import java.util.Objects;

/**
 * How a message came to be on a dead-letter or expiry queue, as a {@link MessageSnapshot} restates it.
 *
 * @param fromQueue     the queue it left.
 * @param reason        why.
 * @param deliveryCount the attempts made before it moved, or -1 when not counted (expiry).
 * @param time          when it moved (epoch ms).
 * @param failure       the failure of the last attempt, or null.
 */
public record MoveInfo(String fromQueue, DeadLetterReason reason, int deliveryCount, long time, DeliveryFailure failure)
{
    /**
     * Checks the required values.
     */
    public MoveInfo
    {
        Objects.requireNonNull(fromQueue, "fromQueue");
        Objects.requireNonNull(reason, "reason");
    }
}
