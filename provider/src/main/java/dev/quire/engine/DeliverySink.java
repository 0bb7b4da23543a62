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

    /**
     * Takes back every delivery the sink holds that the application has not been given yet (a prefetch
     * buffer), so that the engine can release them. Called on the engine thread when the consumer is
     * stopped, closed or its session recovers or rolls back. A sink that hands every delivery straight
     * to the application holds none.
     *
     * @return the delivery tags taken back.
     */
    default long[] withdraw()
    {
        return new long[0];
    }
}
