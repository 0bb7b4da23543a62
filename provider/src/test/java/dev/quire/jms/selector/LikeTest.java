package dev.quire.jms.selector;

import dev.quire.jms.selector.TestMessages.Truth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.quire.jms.selector.TestMessages.truth;
import static dev.quire.jms.selector.TestMessages.withProperty;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(10)
class LikeTest
{
    @ParameterizedTest(name = "''{1}'' LIKE {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        'abc'          | abc        | TRUE
        'abc'          | abcd       | FALSE
        'abc'          | ab         | FALSE
        'abc'          | ABC        | FALSE
        '%'            | ""         | TRUE
        '%'            | anything   | TRUE
        '_'            | ""         | FALSE
        '_'            | a          | TRUE
        '_'            | ab         | FALSE
        '___'          | abc        | TRUE
        'a%'           | a          | TRUE
        'a%'           | abc        | TRUE
        'a%'           | ba         | FALSE
        '%c'           | abc        | TRUE
        '%c'           | abcd       | FALSE
        '%b%'          | abc        | TRUE
        '%b%'          | ac         | FALSE
        'a%c'          | ac         | TRUE
        'a%c'          | abbbc      | TRUE
        'a%c'          | abcb       | FALSE
        'a%b%c'        | aXbYbZc    | TRUE
        'a%b%c'        | acb        | FALSE
        '%%a%%'        | bab        | TRUE
        '%a_'          | xxaab      | TRUE
        '%a_'          | xxab       | TRUE
        '%a_'          | xxa        | FALSE
        '_%_'          | ab         | TRUE
        '_%_'          | a          | FALSE
        '%aab'         | aaab       | TRUE
        '%aab'         | aabaab     | TRUE
        's_lector'     | selector   | TRUE
        '12%3'         | 12333      | TRUE
        'AB%CD'        | ABCD       | TRUE
        'A%x%D'        | ABCD       | FALSE
        """)
    void shouldMatchUnderscoreAndPercentWildcards(final String pattern, final String value, final Truth expected)
        throws Exception
    {
        assertThat(truth("v LIKE " + pattern, withProperty("v", value == null ? "" : value))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{1}'' LIKE {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        'a.b%'         | a.bc       | TRUE
        'a.b%'         | aXbc       | FALSE
        '[x]'          | [x]        | TRUE
        '[x]'          | x          | FALSE
        '\\'           | \\         | TRUE
        '\\d+'         | \\d+       | TRUE
        '\\d+'         | 12         | FALSE
        "'(a|b)*'"     | "(a|b)*"   | TRUE
        "'(a|b)*'"     | a          | FALSE
        '^a$'          | ^a$        | TRUE
        '^a$'          | a          | FALSE
        'a?'           | a          | FALSE
        '{1}'          | {1}        | TRUE
        '\\Q%\\E'      | \\Qabc\\E  | TRUE
        '$1'           | $1         | TRUE
        '.*'           | abc        | FALSE
        """)
    void shouldTreatRegularExpressionCharactersLiterally(final String pattern, final String value, final Truth expected)
        throws Exception
    {
        assertThat(truth("v LIKE " + pattern, withProperty("v", value))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{1}'' LIKE {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        '\\_%' ESCAPE '\\'          | _abc      | TRUE
        '\\_%' ESCAPE '\\'          | xabc      | FALSE
        '%\\%' ESCAPE '\\'          | 100%      | TRUE
        '%\\%' ESCAPE '\\'          | 100       | FALSE
        '\\__\\%%' ESCAPE '\\'      | _a%b      | TRUE
        '\\__\\%%' ESCAPE '\\'      | _a%       | TRUE
        '\\__\\%%' ESCAPE '\\'      | xa%b      | FALSE
        'a\\\\b' ESCAPE '\\'        | a\\b      | TRUE
        'A_fo_A%f%' ESCAPE 'A'      | _foo%foo  | TRUE
        'A%fooA_' ESCAPE 'A'        | %foo_     | TRUE
        'A_A_' ESCAPE 'A'           | _A        | FALSE
        'A_A_' ESCAPE 'A'           | __        | TRUE
        'fooG_%' escape 'G'         | foo_test  | TRUE
        'fooG_%' escape 'G'         | fooXtest  | FALSE
        '!%!_!!' ESCAPE '!'         | %_!       | TRUE
        'x%%' ESCAPE '%'            | x%        | TRUE
        'x%%' ESCAPE '%'            | x%y       | FALSE
        'it''''s' ESCAPE ''''       | it's      | TRUE
        '_' ESCAPE '😀'             | é         | TRUE
        '😀%😀😀' ESCAPE '😀'       | %😀       | TRUE
        """)
    void shouldEscapeWildcardsWithTheEscapeCharacter(final String pattern, final String value, final Truth expected)
        throws Exception
    {
        assertThat(truth("v LIKE " + pattern, withProperty("v", value))).isEqualTo(expected);
    }

    @Test
    void shouldMatchCodePointsNotCharsForUnderscore() throws Exception
    {
        assertThat(truth("v LIKE 'a_b'", withProperty("v", "a😀b"))).isEqualTo(Truth.TRUE);
        assertThat(truth("v LIKE 'a__b'", withProperty("v", "a😀b"))).isEqualTo(Truth.FALSE);
        assertThat(truth("v LIKE '%😀'", withProperty("v", "xx😀"))).isEqualTo(Truth.TRUE);
    }

    @Test
    void shouldNegateLikeAndBeUnknownForNonStrings() throws Exception
    {
        assertThat(truth("v NOT LIKE 'a%'", withProperty("v", "abc"))).isEqualTo(Truth.FALSE);
        assertThat(truth("v NOT LIKE 'b%'", withProperty("v", "abc"))).isEqualTo(Truth.TRUE);
        assertThat(truth("v LIKE '1_3'", withProperty("v", 123))).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("v NOT LIKE '1_3'", withProperty("v", 123))).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("v like 'A%' escape 'B'", withProperty("v", "Abc"))).isEqualTo(Truth.TRUE);
    }

    @Test
    void shouldMatchLongTextsWithManyWildcardsQuickly() throws Exception
    {
        final String text = "a".repeat(20_000);
        assertThat(truth("v LIKE '%a%a%a%a%a%a%a%b'", withProperty("v", text))).isEqualTo(Truth.FALSE);
        assertThat(truth("v LIKE '%a%a%a%a%a%a%a%a'", withProperty("v", text))).isEqualTo(Truth.TRUE);
    }
}
