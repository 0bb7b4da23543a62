package dev.quire.jms.selector;

import dev.quire.store.record.StoredMessage;
import jakarta.jms.InvalidSelectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static dev.quire.jms.selector.TestMessages.matchesStandard;
import static dev.quire.jms.selector.TestMessages.withProperties;
import static dev.quire.jms.selector.TestMessages.withProperty;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(10)
class SelectorLiteralTest
{
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        i = 5                     | true
        i = +5                    | true
        -i = -5                   | true
        i = 0005                  | true
        i = 05L                   | true
        i = 5L                    | true
        i = 5l                    | true
        i = 0x5                   | true
        i = 0X05                  | true
        i = 0b101                 | true
        i = 0B101L                | true
        zero = 0                  | true
        zero = -0                 | true
        zero = 0x0                | true
        l = 5000000000            | true
        l = 5000000000L           | true
        l = 0x12A05F200L          | true
        i = 6                     | false
        """)
    void shouldReadExactLiteralsWithJavaIntegerSyntax(final String selector, final boolean matches) throws Exception
    {
        assertThat(matchesStandard(selector)).isEqualTo(matches);
    }

    @Test
    void shouldReadOctalAndHexadecimalAsTheTckDoes() throws Exception
    {
        final StoredMessage message = withProperty("myProp", 29L);
        assertThat(Selector.parse("myProp=035").matches(message)).isTrue();
        assertThat(Selector.parse("myProp=0x1d").matches(message)).isTrue();
        assertThat(Selector.parse("myProp=0x1D").matches(message)).isTrue();
    }

    @Test
    void shouldReadTheWholeRangeOfLong() throws Exception
    {
        final StoredMessage message = withProperties(Map.of("myProp0", Long.MIN_VALUE, "myProp1", Long.MAX_VALUE));
        assertThat(Selector.parse("myProp0=" + Long.MIN_VALUE + "L AND myProp1=" + Long.MAX_VALUE + "L").matches(message)).isTrue();
        assertThat(Selector.parse("myProp0 = -9223372036854775808 AND myProp1 = 9223372036854775807").matches(message)).isTrue();
        assertThat(Selector.parse("myProp0 = - 9223372036854775808").matches(message)).isTrue();
        assertThat(Selector.parse("myProp0 = 0x8000000000000000").matches(message)).isTrue();
        assertThat(Selector.parse("myProp1 = 0x7fffffffffffffffL").matches(message)).isTrue();
        assertThat(Selector.parse("myProp0 = -0x8000000000000000").matches(message)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        d = 2.5                   | true
        d = 2.50                  | true
        d = +2.5                  | true
        -d = -2.5                 | true
        d = 25e-1                 | true
        d = 25E-1                 | true
        d = .25e1                 | true
        d = 0.025E+2              | true
        d = 2.5d                  | true
        d = 2.5D                  | true
        f = 2.5f                  | true
        f = 2.5F                  | true
        d = 2.5f                  | true
        d = 2.6                   | false
        i = 5.                    | true
        i = 5.0                   | true
        i = 5e0                   | true
        i = 5d                    | true
        i = 5f                    | true
        i = 0.5e1                 | true
        i = 05.0                  | true
        """)
    void shouldReadApproximateLiteralsWithJavaFloatingPointSyntax(final String selector, final boolean matches)
        throws Exception
    {
        assertThat(matchesStandard(selector)).isEqualTo(matches);
    }

    @Test
    void shouldReadTheSpecificationsApproximateExamples() throws Exception
    {
        final StoredMessage message = withProperties(Map.of(
            "a", 7000.0, "b", -5790.0, "c", 7.0, "d", -95.7, "e", 6.2, "f", 6200.0, "g", 1e-5));
        assertThat(Selector.parse("a = 7E3 AND b = -57.9E2 AND c = 7. AND d = -95.7 AND e = +6.2 AND f = 6.2E3 AND g = 1e-5")
            .matches(message)).isTrue();
        assertThat(Selector.parse("a=7E3 AND a=7000. AND a=.7e4 AND a=7.e3 AND a = 7000").matches(message)).isTrue();
    }

    @Test
    void shouldGiveAFloatLiteralTheValueJavaGivesIt() throws Exception
    {
        final StoredMessage message = withProperty("f", 0.1f);
        assertThat(Selector.parse("f = 0.1f").matches(message)).isTrue();
        assertThat(Selector.parse("f = 0.1").matches(message)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        s = 'abc'                      | true
        s = 'ABC'                      | false
        s = 'abc '                     | false
        s <> 'abd'                     | true
        quote = 'it''s'                | true
        quote = 'it''''s'              | false
        empty = ''                     | true
        doubled = ''''''               | true
        unicode = 'Grüße, 世界 😀'      | true
        spaces = '  a  b  '            | true
        """)
    void shouldReadStringLiteralsWithDoubledQuotes(final String selector, final boolean matches) throws Exception
    {
        final StoredMessage message = withProperties(Map.of(
            "s", "abc", "quote", "it's", "empty", "", "doubled", "''", "unicode", "Grüße, 世界 😀", "spaces", "  a  b  "));
        assertThat(Selector.parse(selector).matches(message)).isEqualTo(matches);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRUE", "true", "True", "tRuE", "t = TRUE", "t = true", "fa = FALSE", "fa = false",
        "fa = FaLsE", "NOT FALSE", "TRUE OR FALSE", "t <> FALSE"})
    void shouldReadBooleanLiteralsInAnyCase(final String selector) throws Exception
    {
        assertThat(matchesStandard(selector)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FALSE", "false", "t = FALSE", "fa = TRUE", "NOT TRUE", "TRUE AND FALSE"})
    void shouldNotMatchFalseBooleanLiterals(final String selector) throws Exception
    {
        assertThat(matchesStandard(selector)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"JMSType='car'", "JMSType   =   'car'", "JMSType\t=\t'car'", "JMSType\f=\f'car'",
        "JMSType\n= \n'car'", "\r\nJMSType='car'\r\n", "  JMSType='car'  ", "(JMSType='car')", "((JMSType)='car')"})
    void shouldAcceptJavaWhitespaceAnywhereBetweenTokens(final String selector) throws Exception
    {
        assertThat(matchesStandard(selector)).isTrue();
    }

    @Test
    void shouldComputeLiteralOnlyExpressionsOnce() throws InvalidSelectorException
    {
        assertThat(matchesStandard("1 + 2 * 3 = 7")).isTrue();
        assertThat(matchesStandard("(1 + 2) * 3 = 9")).isTrue();
        assertThat(matchesStandard("7 / 2 = 3")).isTrue();
        assertThat(matchesStandard("7 / 2.0 = 3.5")).isTrue();
        assertThat(matchesStandard("-7 / 2 = -3")).isTrue();
        assertThat(matchesStandard("1 / 0 = 1 OR NOT (1 / 0 = 1)")).isFalse();
    }
}
