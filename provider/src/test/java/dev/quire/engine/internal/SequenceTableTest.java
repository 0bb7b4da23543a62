package dev.quire.engine.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class SequenceTableTest
{
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 63, 64, 65, 1024, 1L << 32})
    void shouldFindEveryKeyOfAnEvenlySteppedRunAcrossGrowth(final long step)
    {
        final SequenceTable<String> table = new SequenceTable<>();
        for (long i = 0; i < 100_000; i++)
        {
            table.put(i * step, "v" + i);
        }
        assertThat(table.size()).isEqualTo(100_000);
        for (long i = 0; i < 100_000; i++)
        {
            assertThat(table.get(i * step)).isEqualTo("v" + i);
        }
        assertThat(table.get(100_000 * step)).isNull();
        assertThat(table.get(-1)).isNull();
    }

    @Test
    void shouldBehaveLikeAMapForRandomKeysAndReplacements()
    {
        final SequenceTable<Long> table = new SequenceTable<>();
        final Map<Long, Long> expected = new HashMap<>();
        final Random random = new Random(42);
        for (int i = 0; i < 200_000; i++)
        {
            final long key = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(50_000);
            table.put(key, (long)i);
            expected.put(key, (long)i);
        }
        assertThat(table.size()).isEqualTo(expected.size());
        expected.forEach((key, value) -> assertThat(table.get(key)).isEqualTo(value));
        for (int i = 0; i < 10_000; i++)
        {
            final long key = random.nextLong();
            assertThat(table.get(key)).isEqualTo(expected.get(key));
        }
    }

    @Test
    void shouldRefuseNullValues()
    {
        assertThatThrownBy(() -> new SequenceTable<String>().put(1, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
