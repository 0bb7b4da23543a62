package dev.quire.jms.selector;

import dev.quire.engine.MessageFilter;
import dev.quire.store.record.StoredMessage;
import jakarta.jms.InvalidSelectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.quire.jms.selector.TestMessages.standard;
import static dev.quire.jms.selector.TestMessages.withProperty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class SelectorTest
{
    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n"})
    void shouldTreatNullAndBlankAsNoSelector(final String text) throws Exception
    {
        final Selector selector = Selector.parse(text);
        assertThat(selector).isSameAs(Selector.acceptAll());
        assertThat(selector.acceptsAll()).isTrue();
        assertThat(selector.text()).isEmpty();
        assertThat(selector.matches(standard())).isTrue();
    }

    @Test
    void shouldKeepItsTextAndMatchAsAnEngineFilter() throws Exception
    {
        final Selector selector = Selector.parse("JMSType = 'car' AND i > 2");
        assertThat(selector.acceptsAll()).isFalse();
        assertThat(selector.text()).isEqualTo("JMSType = 'car' AND i > 2");
        assertThat(selector).hasToString("JMSType = 'car' AND i > 2");
        final MessageFilter filter = selector;
        assertThat(filter.matches(standard())).isTrue();
        assertThat(filter.matches(withProperty("i", 3))).isFalse();
    }

    @Test
    void shouldMatchEveryMessageForAConstantTrueSelectorAndNoneForFalse() throws Exception
    {
        assertThat(Selector.parse("TRUE").matches(standard())).isTrue();
        assertThat(Selector.parse("1 = 1").matches(standard())).isTrue();
        assertThat(Selector.parse("1 = 2").matches(standard())).isFalse();
        assertThat(Selector.parse("acceptsAll").acceptsAll()).isFalse();
    }

    @Test
    void shouldCompileForTheEngineAndReportInvalidSelectorsAsIllegalArguments()
    {
        final MessageFilter filter = JmsSelectorCompiler.INSTANCE.compile("i BETWEEN 1 AND 9");
        assertThat(filter.matches(standard())).isTrue();
        assertThat(JmsSelectorCompiler.INSTANCE.compile("")).isSameAs(Selector.acceptAll());
        assertThatThrownBy(() -> JmsSelectorCompiler.INSTANCE.compile("i BETWEEN 1"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasCauseInstanceOf(InvalidSelectorException.class)
            .hasMessageContaining("at position 11");
    }

    @Test
    void shouldBeSafeToShareBetweenThreads() throws Exception
    {
        final Selector selector = Selector.parse("v LIKE 'a%z' AND n * 2 BETWEEN 10 AND 20 AND s IN ('x', 'y')");
        final ExecutorService executor = Executors.newFixedThreadPool(4);
        try
        {
            final List<Future<Integer>> counts = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++)
            {
                counts.add(executor.submit(() -> countMatches(selector)));
            }
            for (final Future<Integer> count : counts)
            {
                assertThat(count.get(5, TimeUnit.SECONDS)).isEqualTo(3 * 100);
            }
        }
        finally
        {
            executor.shutdownNow();
        }
    }

    private static int countMatches(final Selector selector)
    {
        int matches = 0;
        for (int round = 0; round < 100; round++)
        {
            for (int n = 0; n < 30; n++)
            {
                final StoredMessage message = TestMessages.withProperties(Map.of(
                    "v", n % 2 == 0 ? "abcz" : "abc", "n", n, "s", n % 3 == 0 ? "x" : "y"));
                matches += selector.matches(message) ? 1 : 0;
            }
        }
        return matches;
    }
}
