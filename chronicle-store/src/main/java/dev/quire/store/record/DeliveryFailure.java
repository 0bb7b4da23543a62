package dev.quire.store.record;

import java.util.Objects;

/**
 * Why one delivery attempt failed, as the consumer reported it.
 *
 * @param exceptionClass the class name of the failure.
 * @param message        its message, or null.
 */
public record DeliveryFailure(String exceptionClass, String message)
{
    /**
     * Checks the required values.
     */
    public DeliveryFailure
    {
        Objects.requireNonNull(exceptionClass, "exceptionClass");
    }
}
