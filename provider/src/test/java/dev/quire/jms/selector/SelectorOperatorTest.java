package dev.quire.jms.selector;

import dev.quire.jms.selector.TestMessages.Truth;
import dev.quire.store.record.StoredMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static dev.quire.jms.selector.TestMessages.matchesStandard;
import static dev.quire.jms.selector.TestMessages.standard;
import static dev.quire.jms.selector.TestMessages.truth;
import static dev.quire.jms.selector.TestMessages.withProperties;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(10)
class SelectorOperatorTest
{
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        i = 5     | true
        i = 4     | false
        i <> 4    | true
        i <> 5    | false
        i > 4     | true
        i > 5     | false
        i >= 5    | true
        i >= 6    | false
        i < 6     | true
        i < 5     | false
        i <= 5    | true
        i <= 4    | false
        5 = i     | true
        6 > i     | true
        """)
    void shouldCompareNumbersWithEveryOperator(final String selector, final boolean matches) throws Exception
    {
        assertThat(matchesStandard(selector)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        b = 3                  | true
        sh = 7                 | true
        i = 5.0                | true
        l > i                  | true
        b < sh                 | true
        f = d                  | true
        f = 2.5                | true
        i = 5.000000001        | false
        i < 5.000000001        | true
        l = 5e9                | true
        b + sh = 10            | true
        i + d = 7.5            | true
        f * 2 = 5              | true
        i / 2 = 2              | true
        i / 2.0 = 2.5          | true
        i / 2 = 2.5            | false
        d / 2 = 1.25           | true
        l * 2 = 10000000000    | true
        i - 10 = -5            | true
        -i = -5                | true
        - -i = 5               | true
        +i = 5                 | true
        -d = -2.5              | true
        """)
    void shouldPromoteNumbersAsJavaDoes(final String selector, final boolean matches) throws Exception
    {
        assertThat(matchesStandard(selector)).isEqualTo(matches);
    }

    @Test
    void shouldWrapAroundOnLongOverflowAsJavaDoes() throws Exception
    {
        final StoredMessage message = withProperties(Map.of("max", Long.MAX_VALUE, "min", Long.MIN_VALUE));
        assertThat(Selector.parse("max + 1 = min").matches(message)).isTrue();
        assertThat(Selector.parse("min / -1 = min").matches(message)).isTrue();
        assertThat(Selector.parse("-min = min").matches(message)).isTrue();
    }

    @Test
    void shouldFollowJavaDoubleSemanticsForNotANumberAndNegativeZero() throws Exception
    {
        final StoredMessage message = withProperties(Map.of("nan", Double.NaN, "negativeZero", -0.0, "inf", Double.POSITIVE_INFINITY));
        assertThat(Selector.parse("nan = nan").matches(message)).isFalse();
        assertThat(Selector.parse("nan <> nan").matches(message)).isTrue();
        assertThat(Selector.parse("nan < 1 OR nan >= 1").matches(message)).isFalse();
        assertThat(Selector.parse("negativeZero = 0").matches(message)).isTrue();
        assertThat(Selector.parse("negativeZero = 0.0 AND negativeZero >= 0 AND negativeZero <= 0").matches(message)).isTrue();
        assertThat(Selector.parse("inf > 1.7976931348623157E308").matches(message)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        i / zero = 1           | UNKNOWN
        i / 0 > 0              | UNKNOWN
        d / 0 = 1              | UNKNOWN
        d / 0.0 = 1            | UNKNOWN
        i / 0.0 = 1            | UNKNOWN
        zero / i = 0           | TRUE
        """)
    void shouldTreatDivisionByZeroAsUnknown(final String selector, final Truth expected) throws Exception
    {
        assertThat(truth(selector, standard())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        s = 'abc'        | TRUE
        s <> 'abc'       | FALSE
        s <> 'abd'       | TRUE
        s = num          | FALSE
        t = TRUE         | TRUE
        t = fa           | FALSE
        t <> fa          | TRUE
        fa = FALSE       | TRUE
        s < num          | FALSE
        s >= num         | FALSE
        t > fa           | FALSE
        num > 1          | FALSE
        num = 5          | FALSE
        num <> 5         | FALSE
        s = 1            | FALSE
        i = 'abc'        | FALSE
        i = TRUE         | FALSE
        t = 1            | FALSE
        t = 'true'       | FALSE
        i <> s           | FALSE
        """)
    void shouldCompareStringsAndBooleansOnlyForEqualityAndUnlikeTypesAsFalse(final String selector, final Truth expected)
        throws Exception
    {
        assertThat(truth(selector, standard())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        num + 1 = 6           | UNKNOWN
        s * 2 > 0             | UNKNOWN
        -s = 1                | UNKNOWN
        +s = 1                | UNKNOWN
        t + 1 = 2             | UNKNOWN
        i + missing = 5       | UNKNOWN
        -missing = 1          | UNKNOWN
        """)
    void shouldGiveArithmeticOnNonNumbersNoValue(final String selector, final Truth expected) throws Exception
    {
        assertThat(truth(selector, standard())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        i BETWEEN 5 AND 10            | TRUE
        i BETWEEN 1 AND 5             | TRUE
        i BETWEEN 6 AND 10            | FALSE
        i BETWEEN 10 AND 1            | FALSE
        i NOT BETWEEN 6 AND 10        | TRUE
        i NOT BETWEEN 1 AND 5         | FALSE
        d BETWEEN 2.5 AND 2.5         | TRUE
        d BETWEEN 2 AND 3             | TRUE
        i BETWEEN 4.9 AND 5.1         | TRUE
        i + 1 BETWEEN i AND i * 2     | TRUE
        JMSPriority BETWEEN 4 AND 9   | TRUE
        JMSPriority NOT BETWEEN 0 AND 3 | TRUE
        JMSPriority BETWEEN 5 AND 9   | FALSE
        missing BETWEEN 1 AND 10      | UNKNOWN
        missing NOT BETWEEN 1 AND 10  | UNKNOWN
        num BETWEEN 1 AND 10          | UNKNOWN
        num NOT BETWEEN 1 AND 10      | UNKNOWN
        s BETWEEN 1 AND 10            | UNKNOWN
        i BETWEEN missing AND 10      | UNKNOWN
        i BETWEEN missing AND 4       | FALSE
        i NOT BETWEEN missing AND 4   | TRUE
        i BETWEEN 6 AND missing       | FALSE
        """)
    void shouldTestBetweenInclusivelyInThreeValuedLogic(final String selector, final Truth expected) throws Exception
    {
        assertThat(truth(selector, standard())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        s IN ('abc')                   | TRUE
        s IN ('x', 'abc', 'y')         | TRUE
        s IN ('x','y')                 | FALSE
        s IN ('ABC')                   | FALSE
        s NOT IN ('x', 'y')            | TRUE
        s NOT IN ('abc', 'y')          | FALSE
        s IN ('abc', 'abc')            | TRUE
        JMSType IN ('bike', 'car')     | TRUE
        JMSType NOT IN ('bike', 'car') | FALSE
        missing IN ('abc')             | UNKNOWN
        missing NOT IN ('abc')         | UNKNOWN
        i IN ('5')                     | UNKNOWN
        i NOT IN ('5')                 | UNKNOWN
        t NOT IN ('true')              | UNKNOWN
        empty IN ('')                  | TRUE
        """)
    void shouldTestInListsOnStrings(final String selector, final Truth expected) throws Exception
    {
        final StoredMessage message =
            TestMessages.message(null, null, "car", true, 4, 0, Map.of("s", "abc", "i", 5, "t", true, "empty", ""));
        assertThat(truth(selector, message)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        missing IS NULL          | TRUE
        missing IS NOT NULL      | FALSE
        s IS NULL                | FALSE
        s IS NOT NULL            | TRUE
        zero IS NULL             | FALSE
        fa IS NOT NULL           | TRUE
        JMSType IS NOT NULL      | TRUE
        JMSCorrelationID IS NULL | FALSE
        JMSTimestamp IS NULL     | FALSE
        JMSPriority IS NOT NULL  | TRUE
        JMSXDeliveryCount IS NULL | TRUE
        NOT missing IS NULL      | FALSE
        """)
    void shouldTestForNullWithoutEverBeingUnknown(final String selector, final Truth expected) throws Exception
    {
        assertThat(truth(selector, standard())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        1 + 2 * 3 = 7                      | TRUE
        (1 + 2) * 3 = 9                    | TRUE
        i + i * i = 30                     | TRUE
        (i + i) * i = 50                   | TRUE
        i - 2 - 1 = 2                      | TRUE
        i - (2 - 1) = 4                    | TRUE
        i / 5 * 2 = 2                      | TRUE
        i * 2 / 5 = 2                      | TRUE
        - i + i = 0                        | TRUE
        -i * -i = 25                       | TRUE
        i + 1 > 5 AND i < 6                | TRUE
        t OR t AND fa                      | TRUE
        (t OR t) AND fa                    | FALSE
        NOT t AND fa                       | FALSE
        NOT (t AND fa)                     | TRUE
        NOT fa AND t                       | TRUE
        NOT fa OR fa                       | TRUE
        fa AND fa OR t                     | TRUE
        fa AND (fa OR t)                   | FALSE
        NOT i = 4                          | TRUE
        NOT NOT t                          | TRUE
        NOT i BETWEEN 1 AND 3              | TRUE
        i BETWEEN 1 AND 10 AND t           | TRUE
        i BETWEEN 1 AND 2 OR t             | TRUE
        i BETWEEN 1 + 1 AND 2 * 3          | TRUE
        NOT s LIKE 'x%'                    | TRUE
        NOT s IN ('x') AND t               | TRUE
        t = (i > 1)                        | TRUE
        (i > 1) = (d > 1)                  | TRUE
        """)
    void shouldApplyPrecedenceAndParentheses(final String selector, final Truth expected) throws Exception
    {
        assertThat(truth(selector, standard())).isEqualTo(expected);
    }
}
