package dev.quire.jms.selector;

import dev.quire.store.record.StoredMessage;
import jakarta.jms.InvalidSelectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Behaviour the Jakarta Messaging specification's examples and its compatibility kit expect of
 * selectors, each case as a message that must be selected and one that must not.
 */
@Timeout(10)
class ConformanceTest
{
    @Test
    void shouldSelectTheSpecificationsCarExample() throws Exception
    {
        final Selector selector = Selector.parse("JMSType = 'car' AND color = 'blue' AND weight > 2500");
        assertThat(selector.matches(message("car", Map.of("color", "blue", "weight", 3000)))).isTrue();
        assertThat(selector.matches(message("car", Map.of("color", "blue", "weight", 2500)))).isFalse();
        assertThat(selector.matches(message("car", Map.of("color", "red", "weight", 3000)))).isFalse();
        assertThat(selector.matches(message("bike", Map.of("color", "blue", "weight", 3000)))).isFalse();
    }

    @Test
    void shouldNotConvertAStringPropertyForComparison() throws Exception
    {
        assertThat(Selector.parse("NumberOfOrders > 1").matches(message("", Map.of("NumberOfOrders", "2")))).isFalse();
        assertThat(Selector.parse("NumberOfOrders > 1").matches(message("", Map.of("NumberOfOrders", 2)))).isTrue();
    }

    @Test
    void shouldSelectBySpecificationEquivalencesForBetweenAndIn() throws Exception
    {
        for (int age = 10; age < 25; age++)
        {
            final StoredMessage message = message("", Map.of("age", age));
            assertThat(Selector.parse("age BETWEEN 15 AND 19").matches(message))
                .isEqualTo(Selector.parse("age >= 15 AND age <= 19").matches(message));
            assertThat(Selector.parse("age NOT BETWEEN 15 AND 19").matches(message))
                .isEqualTo(Selector.parse("age < 15 OR age > 19").matches(message));
        }
        for (final String country : new String[] {"UK", "US", "France", "Peru"})
        {
            final StoredMessage message = message("", Map.of("Country", country));
            assertThat(Selector.parse("Country IN ('UK', 'US', 'France')").matches(message))
                .isEqualTo(!country.equals("Peru"));
            assertThat(Selector.parse("Country NOT IN ('UK', 'US', 'France')").matches(message))
                .isEqualTo(country.equals("Peru"));
        }
    }

    @Test
    void shouldSelectMixedComparisonsOfEveryNumericType() throws Exception
    {
        final Selector all = Selector.parse("p0 = 'foo' AND p1 > 0 AND p2 >= 2 AND p3 >= 2 AND p4 < 5 AND p5 <= 6 AND " +
            "p6 <= 6 AND p7 <> 7");
        final Map<String, Object> matching = new HashMap<>(Map.of("p0", "foo", "p1", 1, "p2", 2.0f, "p3", 3, "p4", 4.0,
            "p5", 5, "p6", 6, "p7", 0f));
        assertThat(all.matches(message("", matching))).isTrue();
        matching.put("p7", 7.0f);
        assertThat(all.matches(message("", matching))).isFalse();
        final Selector any = Selector.parse("p0 = 'foo' OR p1 > 0 OR p2 >= 2 OR p3 < 5 OR p4 <= 6 OR p5 <> 7");
        assertThat(any.matches(message("", Map.of("p0", "not_foo", "p1", 0, "p2", 1.5f, "p3", 5.0, "p4", 7, "p5", 7f)))).isFalse();
        assertThat(Selector.parse("p0 < p1").matches(message("", Map.of("p0", 0, "p1", 1.5)))).isTrue();
    }

    @Test
    void shouldApplyArithmeticPrecedenceToFloats() throws Exception
    {
        final Map<String, Object> floats = Map.of("p0", 1f, "p1", 2f, "p2", 3f, "p3", 4f, "p4", 4f);
        assertThat(Selector.parse("p0+p1*p2-p3/p4 = 6").matches(message("", floats))).isTrue();
        assertThat(Selector.parse("-p0 < 0 AND +p1 > 0 AND p0*2 = 2 AND p3/2 = 2 AND p0+5 = 6 AND p1-5 = -3")
            .matches(message("", floats))).isTrue();
        assertThat(Selector.parse("- p0 + p0 = 0").matches(message("", floats))).isTrue();
    }

    @Test
    void shouldNotSelectWrongTypesWithBetweenInOrLikeNorTheirNegations() throws Exception
    {
        assertThat(Selector.parse("p BETWEEN 5 AND 10").matches(message("", Map.of("p", "7")))).isFalse();
        assertThat(Selector.parse("p BETWEEN 5 AND 10").matches(message("", Map.of("p", "seven")))).isFalse();
        assertThat(Selector.parse("p BETWEEN 5 AND 10").matches(message("", Map.of("p", 7)))).isTrue();
        assertThat(Selector.parse("p NOT IN ('foo', 'jms', 'test')").matches(message("", Map.of("p", 0)))).isFalse();
        assertThat(Selector.parse("p NOT IN ('foo', 'jms', 'test')").matches(message("", Map.of("p", "zero")))).isTrue();
        assertThat(Selector.parse("p LIKE '1_3'").matches(message("", Map.of("p", 123)))).isFalse();
        assertThat(Selector.parse("p LIKE '1_3'").matches(message("", Map.of("p", "123")))).isTrue();
        assertThat(Selector.parse("absent NOT IN ('a', 'b')").matches(message("", Map.of()))).isFalse();
        assertThat(Selector.parse("absent NOT LIKE '1_3'").matches(message("", Map.of()))).isFalse();
    }

    @Test
    void shouldSelectCombinationsOfNullAndBooleans() throws Exception
    {
        final Map<String, Object> bothFalse = Map.of("myTrueProp", false, "myFalseProp", false);
        final Map<String, Object> normal = Map.of("myTrueProp", true, "myFalseProp", false);
        final Map<String, Object> bothTrue = Map.of("myTrueProp", true, "myFalseProp", true);
        final Selector anyPairTrue = Selector.parse(
            "(myTrueProp AND myFalseProp) OR (myTrueProp AND myNullProp) OR (myFalseProp AND myTrueProp) OR " +
            "(myFalseProp AND myFalseProp) OR (myFalseProp AND myNullProp) OR (MyNullProp AND myTrueProp) OR " +
            "(MyNullProp AND myFalseProp) OR (MyNullProp AND myNullProp)");
        assertThat(anyPairTrue.matches(message("", normal))).isFalse();
        assertThat(anyPairTrue.matches(message("", bothTrue))).isTrue();
        final Selector everyPairTrue = Selector.parse("(myTrueProp OR myTrueProp) AND (myTrueProp OR myFalseProp) AND " +
            "(myTrueProp OR myNullProp) AND (myFalseProp OR myTrueProp) AND (myNullProp OR myTrueProp)");
        assertThat(everyPairTrue.matches(message("", normal))).isTrue();
        assertThat(everyPairTrue.matches(message("", bothFalse))).isFalse();
        final Selector falseOrNull = Selector.parse("(myFalseProp OR myFalseProp) OR (myFalseProp OR myNullProp) OR " +
            "(myNullProp OR myFalseProp) OR (myNullProp OR myNullProp)");
        assertThat(falseOrNull.matches(message("", normal))).isFalse();
        assertThat(falseOrNull.matches(message("", bothTrue))).isTrue();
        assertThat(Selector.parse("NOT myNullProp").matches(message("", normal))).isFalse();
        assertThat(Selector.parse("myNullProp").matches(message("", normal))).isFalse();
        assertThat(Selector.parse("NOT myTrueProp AND myFalseProp").matches(message("", Map.of("myTrueProp", false,
            "myFalseProp", true)))).isTrue();
    }

    @Test
    void shouldSelectAMixOfLowerCaseKeywords() throws Exception
    {
        final Selector selector = Selector.parse("myProp0 is null and myProp1 like 'fooG_%' escape 'G' and " +
            "myProp2 in ('a', 'b') and myProp3 not between 0 and 10 and (myProp4 or false)");
        assertThat(selector.matches(message("", Map.of("myProp1", "foo_test", "myProp2", "a", "myProp3", 20, "myProp4", true))))
            .isTrue();
        assertThat(selector.matches(message("", Map.of("myProp1", "foo_test", "myProp2", "a", "myProp3", 5, "myProp4", true))))
            .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NULL = 0", "TRUE = 0", "FALSE = 0", "NOT = 0", "AND = 0", "OR = 0", "BETWEEN = 0",
        "LIKE = 0", "IN = 0", "IS = 0", "ESCAPE = 0", "myProp > 'foo'", "myProp >= 'foo'", "myProp < 'foo'",
        "myProp <= 'foo'", "'foo' > TRUE ", "'foo' >= TRUE ", "'foo' < TRUE ", "'foo' <= TRUE ",
        "myProp BETWEEN 'foo' and 'test'", "myProp NOT IN (1,2,3)", "myProp LIKE 7", "=TEST 'test'"})
    void shouldRejectWhatTheCompatibilityKitRejects(final String selector)
    {
        assertThatThrownBy(() -> Selector.parse(selector)).isInstanceOf(InvalidSelectorException.class);
    }

    private static StoredMessage message(final String type, final Map<String, Object> properties)
    {
        return TestMessages.message(null, null, type, false, 4, 0, properties);
    }
}
