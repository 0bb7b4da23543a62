package dev.quire.engine;

/**
 * Where the engine hands a consumer its deliveries. Called on the engine thread, at most as many times
 * as the consumer has credit; it must only enqueue and return.
 */
@FunctionalInterface
public interface DeliverySink
{
    /**
     * @param delivery the message delivered.
     */
    void deliver(Delivery delivery);
}
