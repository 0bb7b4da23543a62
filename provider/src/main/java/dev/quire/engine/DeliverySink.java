package dev.quire.engine;

/**
 * Where the engine hands a consumer its deliveries. Called on the engine thread, at most as many times
 * as the consumer has credit; it must only enqueue and return. After each round of work that handed the
 * sink deliveries, the engine calls {@link #handedOver()} once: the moment to wake the application's
 * thread, so that a burst of deliveries costs one wake-up rather than one each.
 */
@FunctionalInterface
public interface DeliverySink
{
    /**
     * @param delivery the message delivered.
     */
    void deliver(Delivery delivery);

    /**
     * The engine finished a round of work that handed this sink at least one delivery. Called on the
     * engine thread; it must only signal and return.
     */
    default void handedOver()
    {
    }

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
