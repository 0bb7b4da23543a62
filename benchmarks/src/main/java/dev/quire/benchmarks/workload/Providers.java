package dev.quire.benchmarks.workload;

import java.util.List;

/**
 * The providers the runner knows, by name: {@code quire}, {@code artemis-default}, {@code artemis-tuned}.
 */
public final class Providers
{
    /** Every provider name, in the order runs alternate between them. */
    public static final List<String> NAMES = List.of(QuireProvider.NAME, ArtemisProvider.DEFAULT_NAME,
        ArtemisProvider.TUNED_NAME);

    private Providers()
    {
    }

    /**
     * @param name a provider name.
     * @return the provider.
     * @throws IllegalArgumentException for an unknown name.
     */
    public static ProviderUnderTest named(final String name)
    {
        switch (name)
        {
            case QuireProvider.NAME:
                return new QuireProvider();
            case ArtemisProvider.DEFAULT_NAME:
                return ArtemisProvider.withDefaults();
            case ArtemisProvider.TUNED_NAME:
                return ArtemisProvider.tuned();
            default:
                throw new IllegalArgumentException("unknown provider '" + name + "'; known: " + NAMES);
        }
    }
}
