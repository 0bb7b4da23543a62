package dev.quire.jms.selector;

import dev.quire.jms.selector.TestMessages.Truth;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.quire.jms.selector.TestMessages.standard;
import static dev.quire.jms.selector.TestMessages.truth;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The truth tables of the specification (section 3.8.1.2) with t = true, fa = false and an absent
 * property as unknown; a property that is not a boolean (s, a string) is unknown as a condition too.
 */
@Timeout(10)
class ThreeValuedLogicTest
{
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        # AND: false wins over unknown, unknown over true
        t AND t              | TRUE
        t AND fa             | FALSE
        t AND missing        | UNKNOWN
        fa AND t             | FALSE
        fa AND fa            | FALSE
        fa AND missing       | FALSE
        missing AND t        | UNKNOWN
        missing AND fa       | FALSE
        missing AND missing  | UNKNOWN
        t AND t AND missing  | UNKNOWN
        missing AND t AND fa | FALSE
        s AND t              | UNKNOWN
        s AND fa             | FALSE
        # OR: true wins over unknown, unknown over false
        t OR t                | TRUE
        t OR fa               | TRUE
        t OR missing          | TRUE
        fa OR t               | TRUE
        fa OR fa              | FALSE
        fa OR missing         | UNKNOWN
        missing OR t          | TRUE
        missing OR fa         | UNKNOWN
        missing OR missing    | UNKNOWN
        fa OR fa OR missing   | UNKNOWN
        missing OR fa OR t    | TRUE
        s OR t                | TRUE
        s OR fa               | UNKNOWN
        # NOT and bare identifiers as conditions
        NOT t           | FALSE
        NOT fa          | TRUE
        NOT missing     | UNKNOWN
        NOT s           | UNKNOWN
        NOT i           | UNKNOWN
        NOT NOT missing | UNKNOWN
        t               | TRUE
        fa              | FALSE
        missing         | UNKNOWN
        s               | UNKNOWN
        i               | UNKNOWN
        # comparisons and arithmetic with NULL
        missing = 1             | UNKNOWN
        missing <> 1            | UNKNOWN
        missing > 1             | UNKNOWN
        1 < missing             | UNKNOWN
        missing = 'abc'         | UNKNOWN
        missing = TRUE          | UNKNOWN
        missing = missing       | UNKNOWN
        missing + 1 = 1         | UNKNOWN
        i = missing             | UNKNOWN
        s = missing             | UNKNOWN
        missing LIKE 'a%'       | UNKNOWN
        missing NOT LIKE 'a%'   | UNKNOWN
        missing = 1 OR t        | TRUE
        missing = 1 AND fa      | FALSE
        missing IS NULL OR fa   | TRUE
        """)
    void shouldFollowTheTruthTables(final String selector, final Truth expected) throws Exception
    {
        assertThat(truth(selector, standard())).isEqualTo(expected);
    }
}
