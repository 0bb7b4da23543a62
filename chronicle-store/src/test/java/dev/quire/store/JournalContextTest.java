package dev.quire.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class JournalContextTest
{
    private final JournalContext context = new JournalContext().directory(Path.of("target/unused"));

    @Test
    void shouldDefaultToSyncDurabilityHourlyCyclesAndSixteenMebibyteRecords()
    {
        context.conclude();
        assertThat(context.durability()).isEqualTo(Durability.SYNC);
        assertThat(context.rollCycle()).isEqualTo(RollCycle.HOURLY);
        assertThat(context.maxRecordSize()).isEqualTo(16 * 1024 * 1024);
        assertThat(context.flushIntervalMillis()).isEqualTo(10);
    }

    @Test
    void shouldApplySettingsGivenAsText()
    {
        context.apply(Map.of("durability", "async", "flushIntervalMs", "50", "rollCycle", "five-minutely",
            "blockSize", "16m", "maxRecordSize", "1m", "minFreeDisk", "0")).conclude();
        assertThat(context.durability()).isEqualTo(Durability.ASYNC);
        assertThat(context.flushIntervalMillis()).isEqualTo(50);
        assertThat(context.rollCycle()).isEqualTo(RollCycle.FIVE_MINUTELY);
        assertThat(context.blockSize()).isEqualTo(16L * 1024 * 1024);
        assertThat(context.maxRecordSize()).isEqualTo(1024 * 1024);
        assertThat(context.minFreeDiskBytes()).isZero();
    }

    @Test
    void shouldNameUnknownKeyAndListKnownOnes()
    {
        assertThatThrownBy(() -> context.apply(Map.of("durabilty", "sync")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'durabilty'")
            .hasMessageContaining("durability");
    }

    @Test
    void shouldNameKeyOfBadEnumValueAndListAllowedValues()
    {
        assertThatThrownBy(() -> context.apply(Map.of("durability", "always")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'durability'")
            .hasMessageContaining("sync, async, none")
            .hasMessageContaining("'always'");
    }

    @Test
    void shouldNameKeyOfBadNumber()
    {
        assertThatThrownBy(() -> context.apply(Map.of("flushIntervalMs", "soon")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'flushIntervalMs'")
            .hasMessageContaining("'soon'");
    }

    @Test
    void shouldRejectOutOfRangeValuesWhenConcluding()
    {
        assertThatThrownBy(() -> new JournalContext().directory(Path.of("x")).flushIntervalMillis(0).conclude())
            .hasMessageContaining("'flushIntervalMs'");
        assertThatThrownBy(() -> new JournalContext().directory(Path.of("x")).blockSize(3_000_000).conclude())
            .hasMessageContaining("'blockSize'");
        assertThatThrownBy(() -> new JournalContext().directory(Path.of("x")).blockSize(1 << 20).maxRecordSize(1 << 20).conclude())
            .hasMessageContaining("'maxRecordSize'");
        assertThatThrownBy(() -> new JournalContext().directory(Path.of("x")).minFreeDiskBytes(-1).conclude())
            .hasMessageContaining("'minFreeDisk'");
    }

    @Test
    void shouldRequireDirectory()
    {
        assertThatThrownBy(() -> new JournalContext().conclude())
            .isInstanceOf(NullPointerException.class)
            .hasMessageContaining("directory");
    }
}
