package dev.quire.jms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class BrokerRegistryTest
{
    @TempDir
    Path directory;

    private QuireConfiguration configuration(final String durability)
    {
        return QuireConfiguration.of(directory, Map.of("durability", durability, "minFreeDisk", "0"));
    }

    @Test
    void shouldShareOneBrokerPerDirectoryAndCloseItWithTheLastUser()
    {
        final SharedBroker first = BrokerRegistry.acquire(configuration("sync"));
        final SharedBroker second = BrokerRegistry.acquire(QuireConfiguration.of(directory.resolve("."),
            Map.of("durability", "sync", "minFreeDisk", "0")));
        assertThat(second.broker()).isSameAs(first.broker());
        first.close();
        first.close();
        second.broker().createQueue("still-open");
        second.close();
        assertThatThrownBy(() -> second.broker().createQueue("closed"))
            .isInstanceOf(dev.quire.engine.BrokerException.class);

        try (SharedBroker again = BrokerRegistry.acquire(configuration("sync")))
        {
            assertThat(again.broker()).isNotSameAs(first.broker());
            assertThat(again.broker().depth("still-open")).isZero();
        }
    }

    @Test
    void shouldRefuseSecondUserAskingForOtherSettings()
    {
        try (SharedBroker first = BrokerRegistry.acquire(configuration("sync")))
        {
            assertThat(first.broker()).isNotNull();
            assertThatThrownBy(() -> BrokerRegistry.acquire(configuration("none")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("durability=sync")
                .hasMessageContaining("durability=none");
        }
    }
}
