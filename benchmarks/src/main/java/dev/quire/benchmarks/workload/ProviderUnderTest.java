package dev.quire.benchmarks.workload;

import java.nio.file.Path;

/**
 * A JMS provider the runner measures, known by name: it starts a broker on a data directory.
 */
public interface ProviderUnderTest
{
    /**
     * @return the name used on the command line and in the results.
     */
    String name();

    /**
     * @param directory the data directory, empty for a fresh broker or holding an earlier run's journal.
     * @return the started broker.
     */
    RunningBroker start(Path directory);
}
