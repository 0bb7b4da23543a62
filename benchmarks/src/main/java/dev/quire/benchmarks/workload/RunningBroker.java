package dev.quire.benchmarks.workload;

import jakarta.jms.ConnectionFactory;

/**
 * A broker started for one run on one data directory, and the connection factory the workload uses.
 * Closing it stops the broker; the workload must have closed its own connections first.
 */
public interface RunningBroker extends AutoCloseable
{
    /**
     * @return a factory of connections to this broker.
     */
    ConnectionFactory connectionFactory();

    /**
     * Stops the broker.
     */
    @Override
    void close();
}
