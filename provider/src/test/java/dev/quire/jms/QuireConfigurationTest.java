package dev.quire.jms;

import dev.quire.engine.BrokerContext;
import dev.quire.store.Durability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class QuireConfigurationTest
{
    @Test
    void shouldParseDirectoryAndSettingsFromUri()
    {
        final QuireConfiguration configuration = QuireConfiguration.parse(
            "quire:/var/lib/app/quire?durability=async&maxDeliveries=5&redeliveryDelayMs=100&redeliveryMultiplier=2.5" +
                "&expiryQueue=Expired%20Messages");
        assertThat(configuration.directory()).isEqualTo(Path.of("/var/lib/app/quire"));
        final BrokerContext context = configuration.toBrokerContext();
        assertThat(context.journal().durability()).isEqualTo(Durability.ASYNC);
        assertThat(context.expiryQueue()).isEqualTo("Expired Messages");
        assertThat(context.redeliveryPolicies().policyFor("anything").maxDeliveries()).isEqualTo(5);
        assertThat(context.redeliveryPolicies().policyFor("anything").delayFor(2, 0.5)).isEqualTo(250);
        assertThat(configuration.toString())
            .isEqualTo("quire:/var/lib/app/quire?durability=async&expiryQueue=Expired+Messages&maxDeliveries=5" +
                "&redeliveryDelayMs=100&redeliveryMultiplier=2.5");
    }

    @Test
    void shouldRoundTripThroughItsUriAndHidePasswordHashesWhenPrinted()
    {
        final String users = "app:" + dev.quire.jms.security.PasswordHash.of("secret".toCharArray());
        final QuireConfiguration configuration = QuireConfiguration.of(Path.of("/data/a&b?c"),
            java.util.Map.of(QuireConfiguration.USERS, users, QuireConfiguration.CLIENT_ID, "billing 1"));
        assertThat(QuireConfiguration.parse(configuration.toUri())).isEqualTo(configuration);
        assertThat(configuration.toString()).doesNotContain("pbkdf2").contains("(hidden)").contains("billing+1");
    }

    @Test
    void shouldAcceptRelativeDirectoryWithoutSettings()
    {
        assertThat(QuireConfiguration.parse("quire:data/quire").directory()).isEqualTo(Path.of("data/quire"));
        assertThat(QuireConfiguration.parse("quire://tmp/q").directory()).isEqualTo(Path.of("tmp/q"));
    }

    @Test
    void shouldNameUnknownKey()
    {
        assertThatThrownBy(() -> QuireConfiguration.parse("quire:/tmp/q?durabilty=sync"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'durabilty'")
            .hasMessageContaining("durability");
    }

    @Test
    void shouldNameKeyOfBadValue()
    {
        assertThatThrownBy(() -> QuireConfiguration.parse("quire:/tmp/q?maxDeliveries=lots"))
            .hasMessageContaining("'maxDeliveries'").hasMessageContaining("'lots'");
        assertThatThrownBy(() -> QuireConfiguration.parse("quire:/tmp/q?durability=maybe"))
            .hasMessageContaining("'durability'");
        assertThatThrownBy(() -> QuireConfiguration.parse("quire:/tmp/q?redeliveryJitter=2"))
            .hasMessageContaining("jitter");
        assertThatThrownBy(() -> QuireConfiguration.parse("quire:/tmp/q?compactionMaxLiveFraction=3"))
            .hasMessageContaining("compactionMaxLiveFraction");
    }

    @Test
    void shouldTakeThePrefetchFromItsSettingWithinItsRange()
    {
        assertThat(QuireConfiguration.parse("quire:/tmp/q").prefetch()).isEqualTo(QuireConfiguration.DEFAULT_PREFETCH);
        assertThat(QuireConfiguration.parse("quire:/tmp/q?prefetch=1").prefetch()).isEqualTo(1);
        assertThat(QuireConfiguration.parse("quire:/tmp/q?prefetch=1").brokerSettings()).doesNotContainKey("prefetch");
        assertThatThrownBy(() -> QuireConfiguration.parse("quire:/tmp/q?prefetch=0"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'prefetch'")
            .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> QuireConfiguration.parse("quire:/tmp/q?prefetch=10001"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'prefetch'")
            .hasMessageContaining("10000");
        assertThatThrownBy(() -> QuireConfiguration.parse("quire:/tmp/q?prefetch=many"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'prefetch'")
            .hasMessageContaining("'many'");
    }

    @Test
    void shouldRejectMalformedUris()
    {
        assertThatThrownBy(() -> QuireConfiguration.parse("file:/tmp/q")).hasMessageContaining("quire:");
        assertThatThrownBy(() -> QuireConfiguration.parse(null)).hasMessageContaining("quire:");
        assertThatThrownBy(() -> QuireConfiguration.parse("quire:/tmp/q?durability")).hasMessageContaining("key=value");
        assertThatThrownBy(() -> QuireConfiguration.parse("quire:/tmp/q?durability=sync&durability=none"))
            .hasMessageContaining("twice");
        assertThatThrownBy(() -> QuireConfiguration.parse("quire:?durability=sync")).hasMessageContaining("directory");
    }

    @Test
    void shouldBeEqualForSameDirectoryAndSettings()
    {
        assertThat(QuireConfiguration.parse("quire:/tmp/q?maxDeliveries=3&durability=sync"))
            .isEqualTo(QuireConfiguration.of(Path.of("/tmp/q"), Map.of("durability", "sync", "maxDeliveries", "3")));
    }

    @Test
    void shouldRefuseFractionsAndOverflowsForWholeNumberSettings()
    {
        assertThatThrownBy(() -> QuireConfiguration.parse("quire:/tmp/q?maxDeliveries=2.5"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'maxDeliveries'")
            .hasMessageContaining("whole number");
        assertThatThrownBy(() -> QuireConfiguration.parse("quire:/tmp/q?maxDeliveries=3000000000"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'maxDeliveries'");
        assertThatThrownBy(() -> QuireConfiguration.parse("quire:/tmp/q?redeliveryMultiplier=NaN"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'redeliveryMultiplier'");
        assertThatThrownBy(() -> QuireConfiguration.parse("quire:/tmp/q?redeliveryDelayMs=1e3"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'redeliveryDelayMs'");
    }
}
