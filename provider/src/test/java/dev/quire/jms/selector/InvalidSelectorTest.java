package dev.quire.jms.selector;

import jakarta.jms.InvalidSelectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class InvalidSelectorTest
{
    @ParameterizedTest(name = "[{0}] at {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        a = (b + )                        | 9  | Expected an identifier, a literal or '(' but found ')'
        a = 1 )                           | 6  | Expected AND, OR or the end of the selector but found ')'
        (a = 1                            | 6  | Expected ')' to close the '(' at position 0 but found the end of the selector
        a =                               | 3  | but found the end of the selector
        a = 1 AND                         | 9  | but found the end of the selector
        a = 1 b = 2                       | 6  | but found identifier b
        =TEST 'test'                      | 0  | Expected an identifier, a literal or '(' but found '='
        a = 'abc                          | 4  | Unterminated string literal
        a = 'it''s                        | 4  | Unterminated string literal
        a = 1.2.3                         | 4  | Malformed number '1.2.3'
        a = 12abc                         | 4  | Malformed number '12abc'
        a = 09                            | 4  | Malformed number '09'
        a = 0x                            | 4  | Malformed number '0x'
        a = 1e                            | 4  | Malformed number '1e'
        a = 1.5L                          | 4  | Malformed number '1.5L'
        a = 1_000                         | 4  | Malformed number '1_000'
        a = 9223372036854775808           | 4  | out of the range of a long
        a = 0x1FFFFFFFFFFFFFFFF           | 4  | out of the range of a long
        a = 1e999                         | 4  | out of the range of a double
        a = 1e39f                         | 4  | out of the range of a float
        a != 1                            | 2  | Unknown operator '!='
        a == 1                            | 2  | Unknown operator '=='
        a = 1 && b = 2                    | 6  | Unknown operator '&&'
        a = 1 # comment                   | 6  | Unexpected character '#'
        a ~ 1                             | 2  | Unexpected character '~'
        a => 1                            | 3  | but found '>'
        NULL = 0                          | 0  | NULL is allowed only in IS NULL and IS NOT NULL
        a = NULL                          | 4  | NULL is allowed only in IS NULL and IS NOT NULL
        TRUE = 0                          | 5  | Cannot compare "TRUE" (a boolean) with "0" (a number)
        FALSE = 0                         | 6  | Cannot compare "FALSE" (a boolean) with "0" (a number)
        'a' = 1                           | 4  | Cannot compare "'a'" (a string) with "1" (a number)
        JMSPriority = 'high'              | 12 | Cannot compare "JMSPriority" (a number) with "'high'" (a string)
        JMSDeliveryMode = 2               | 16 | Cannot compare "JMSDeliveryMode" (a string) with "2" (a number)
        NOT = 0                           | 4  | but found '='
        AND = 0                           | 0  | but found keyword AND
        OR = 0                            | 0  | but found keyword OR
        BETWEEN = 0                       | 0  | but found keyword BETWEEN
        LIKE = 0                          | 0  | but found keyword LIKE
        IN = 0                            | 0  | but found keyword IN
        IS = 0                            | 0  | but found keyword IS
        ESCAPE = 0                        | 0  | but found keyword ESCAPE
        myProp > 'foo'                    | 9  | Operator '>' compares numbers only
        myProp >= 'foo'                   | 10 | Operator '>=' compares numbers only
        myProp < 'foo'                    | 9  | Operator '<' compares numbers only
        myProp <= 'foo'                   | 10 | Operator '<=' compares numbers only
        'foo' > TRUE                      | 0  | but "'foo'" is a string
        TRUE < 1                          | 0  | but "TRUE" is a boolean
        JMSType > 'a'                     | 0  | but "JMSType" is a string
        a + 1                             | 0  | The selector must be a condition but "a + 1" is a number
        'x'                               | 0  | The selector must be a condition but "'x'" is a string
        5                                 | 0  | The selector must be a condition but "5" is a number
        JMSType                           | 0  | The selector must be a condition but "JMSType" is a string
        -a                                | 0  | The selector must be a condition but "-a" is a number
        NOT 5                             | 4  | The operand of NOT must be a condition but "5" is a number
        a AND 'x'                         | 6  | Each operand of AND must be a condition but "'x'" is a string
        1 OR a                            | 0  | Each operand of OR must be a condition but "1" is a number
        TRUE + 1 = 2                      | 0  | Operator '+' needs numbers but "TRUE" is a boolean
        a * 'x' = 2                       | 4  | Operator '*' needs numbers but "'x'" is a string
        -'x' = 1                          | 1  | Unary '-' needs numbers but "'x'" is a string
        (a > 1) + 1 = 2                   | 0  | Operator '+' needs numbers but "(a > 1)" is a boolean
        myProp BETWEEN 'foo' and 'test'   | 15 | BETWEEN needs numbers but "'foo'" is a string
        JMSType BETWEEN 1 AND 2           | 0  | BETWEEN needs numbers but "JMSType" is a string
        a BETWEEN 1 OR 2                  | 12 | Expected AND between the bounds of BETWEEN but found keyword OR
        a BETWEEN 1                       | 11 | Expected AND between the bounds of BETWEEN but found the end of the selector
        myProp NOT IN (1,2,3)             | 15 | IN accepts only string literals but found number 1
        a IN ('x', b)                     | 11 | IN accepts only string literals but found identifier b
        a IN ()                           | 6  | IN accepts only string literals but found ')'
        a IN 'x'                          | 5  | Expected '(' after IN but found string 'x'
        a IN ('x' 'y')                    | 10 | Expected ',' or ')' in the IN list but found string 'y'
        a IN ('x',)                       | 10 | IN accepts only string literals but found ')'
        'x' IN ('x')                      | 0  | IN applies to an identifier only but found "'x'"
        JMSPriority IN ('4')              | 0  | IN applies to strings only but "JMSPriority" is a number
        myProp LIKE 7                     | 12 | LIKE needs a string literal pattern but found number 7
        'x' LIKE 'x'                      | 0  | LIKE applies to an identifier only but found "'x'"
        a LIKE b                          | 7  | LIKE needs a string literal pattern but found identifier b
        a LIKE 'x' ESCAPE 'ab'            | 18 | ESCAPE needs a string literal of exactly one character but found string 'ab'
        a LIKE 'x' ESCAPE ''              | 18 | ESCAPE needs a string literal of exactly one character
        a LIKE 'x' ESCAPE 1               | 18 | ESCAPE needs a string literal of exactly one character but found number 1
        a LIKE 'x!' ESCAPE '!'            | 7  | the escape character '!' must be followed by _, % or itself
        a LIKE 'x!y' ESCAPE '!'           | 7  | the escape character '!' must be followed by _, % or itself
        JMSPriority LIKE '4'              | 0  | LIKE applies to strings only but "JMSPriority" is a number
        a NOT NULL                        | 6  | Expected BETWEEN, IN or LIKE after NOT but found keyword NULL
        a IS 5                            | 5  | Expected NULL or NOT after IS but found number 5
        a IS NOT TRUE                     | 9  | Expected NULL after IS NOT but found keyword TRUE
        1 IS NULL                         | 0  | IS NULL applies to an identifier only but found "1"
        (a) IS NULL                       | 0  | IS NULL applies to an identifier only but found "(a)"
        a = 1 = 2                         | 6  | Expected AND, OR or the end of the selector but found '='
        a IS NULL IS NULL                 | 10 | Expected AND, OR or the end of the selector but found keyword IS
        """)
    void shouldRejectWithTheProblemAndItsPosition(final String selector, final int position, final String problem)
    {
        assertThatThrownBy(() -> Selector.parse(selector))
            .isInstanceOf(InvalidSelectorException.class)
            .hasMessageContaining(problem)
            .hasMessageContaining(" at position " + position + " in selector: " + selector);
    }

    @Test
    void shouldPointAtTheProblemWithACaretUnderTheEchoedSelector()
    {
        assertThatThrownBy(() -> Selector.parse("color = 'red' AND weight >< 2500"))
            .isInstanceOf(InvalidSelectorException.class)
            .hasMessage("Expected an identifier, a literal or '(' but found '<' at position 26 in selector: " +
                "color = 'red' AND weight >< 2500\n" +
                " ".repeat("Expected an identifier, a literal or '(' but found '<' at position 26 in selector: ".length() + 26) + "^");
    }

    @Test
    void shouldExplainThatStringLiteralsUseSingleQuotes()
    {
        assertThatThrownBy(() -> Selector.parse("a = \"x\""))
            .isInstanceOf(InvalidSelectorException.class)
            .hasMessageContaining("string literals are in single quotes at position 4");
    }

    @Test
    void shouldKeepTheCaretAlignedWhenTheSelectorHasTabsOrLineBreaks()
    {
        assertThatThrownBy(() -> Selector.parse("a = 1\n\tAND ?"))
            .isInstanceOf(InvalidSelectorException.class)
            .satisfies(error ->
            {
                final String[] lines = error.getMessage().split("\n");
                assertThat(lines).hasSize(2);
                assertThat(lines[0]).endsWith("in selector: a = 1  AND ?");
                assertThat(lines[1].indexOf('^')).isEqualTo(lines[0].lastIndexOf('?'));
            });
    }

    @Test
    void shouldRejectNestingTooDeepForTheEngineThreadsStack()
    {
        final String deep = "(".repeat(5_000) + "a" + ")".repeat(5_000);
        assertThatThrownBy(() -> Selector.parse(deep))
            .isInstanceOf(InvalidSelectorException.class)
            .hasMessageContaining("nests too deeply")
            .hasMessageContaining("at position 100");
        assertThatThrownBy(() -> Selector.parse("NOT ".repeat(5_000) + "a"))
            .isInstanceOf(InvalidSelectorException.class)
            .hasMessageContaining("nests too deeply");
        assertThatThrownBy(() -> Selector.parse("a" + " + a".repeat(1_000) + " > 0"))
            .isInstanceOf(InvalidSelectorException.class)
            .hasMessageContaining("nested too deeply");
    }

    @Test
    void shouldAcceptLongFlatChains() throws Exception
    {
        final StringBuilder selector = new StringBuilder("a = 0");
        for (int i = 1; i < 5_000; i++)
        {
            selector.append(" OR a = ").append(i);
        }
        assertThat(Selector.parse(selector.toString()).matches(TestMessages.withProperty("a", 4_999))).isTrue();
        assertThat(Selector.parse(selector.toString()).matches(TestMessages.withProperty("a", 5_000))).isFalse();
    }
}
