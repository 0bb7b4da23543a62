package dev.quire.benchmarks.workload;

import java.nio.file.Path;

/**
 * What one run of a workload gets: the provider under test (none for a probe), a fresh data directory
 * that the runner deletes afterwards, and the settings.
 *
 * @param provider  the provider, or null for a probe.
 * @param directory an empty directory for this run.
 * @param settings  how long and how deep to run.
 */
public record WorkloadContext(ProviderUnderTest provider, Path directory, WorkloadSettings settings)
{
    /**
     * @return a broker of the provider on the run's directory.
     */
    public RunningBroker startBroker()
    {
        return provider.start(directory);
    }
}
