package dev.quire.jms.selector;

import dev.quire.jms.selector.TestMessages.Truth;
import dev.quire.store.record.StoredMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static dev.quire.jms.selector.TestMessages.message;
import static dev.quire.jms.selector.TestMessages.standard;
import static dev.quire.jms.selector.TestMessages.truth;
import static dev.quire.jms.selector.TestMessages.withProperties;
import static dev.quire.jms.selector.TestMessages.withProperty;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(10)
class IdentifierTest
{
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        JMSDeliveryMode = 'PERSISTENT'            | TRUE
        JMSDeliveryMode = 'NON_PERSISTENT'        | FALSE
        JMSDeliveryMode <> 'NON_PERSISTENT'       | TRUE
        JMSDeliveryMode = 'persistent'            | FALSE
        JMSDeliveryMode IN ('PERSISTENT')         | TRUE
        JMSDeliveryMode LIKE 'PERS%'              | TRUE
        JMSPriority = 4                           | TRUE
        JMSPriority > 3 AND JMSPriority < 5       | TRUE
        JMSPriority >= 4.0                        | TRUE
        JMSPriority + 1 = 5                       | TRUE
        JMSPriority * 2.5 = 10                    | TRUE
        JMSMessageID = 'ID:42'                    | TRUE
        JMSMessageID LIKE 'ID:%'                  | TRUE
        JMSTimestamp = 1700000000000              | TRUE
        JMSTimestamp > 1699999999999              | TRUE
        JMSTimestamp BETWEEN 1600000000000 AND 1800000000000 | TRUE
        JMSTimestamp NOT BETWEEN 1600000000000 AND 1800000000000 | FALSE
        JMSTimestamp - 1700000000000 = 0          | TRUE
        JMSTimestamp > JMSPriority                | TRUE
        JMSCorrelationID = 'corr-1'               | TRUE
        JMSCorrelationID NOT IN ('corr-2')        | TRUE
        JMSType = 'car'                           | TRUE
        JMSType = 'car' AND i > 2                 | TRUE
        JMSType <> 'car'                          | FALSE
        """)
    void shouldReadTheSelectableHeaderFields(final String selector, final Truth expected) throws Exception
    {
        assertThat(truth(selector, standard())).isEqualTo(expected);
    }

    @Test
    void shouldReadAbsentOptionalHeadersAsNull() throws Exception
    {
        final StoredMessage bare = message(null, null, null, false, 0, 0, Map.of());
        assertThat(truth("JMSMessageID IS NULL AND JMSCorrelationID IS NULL AND JMSType IS NULL", bare)).isEqualTo(Truth.TRUE);
        assertThat(truth("JMSType = 'car'", bare)).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("JMSType LIKE '%'", bare)).isEqualTo(Truth.UNKNOWN);
        assertThat(truth("JMSDeliveryMode = 'NON_PERSISTENT'", bare)).isEqualTo(Truth.TRUE);
        assertThat(truth("JMSPriority = 0 AND JMSTimestamp = 0", bare)).isEqualTo(Truth.TRUE);
        assertThat(truth("JMSType = ''", message(null, null, "", false, 0, 0, Map.of()))).isEqualTo(Truth.TRUE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        JMSDestination IS NULL        | TRUE
        JMSReplyTo IS NULL            | TRUE
        JMSExpiration IS NULL         | TRUE
        JMSRedelivered IS NULL        | TRUE
        JMSDeliveryTime IS NULL       | TRUE
        JMSXGroupID IS NULL           | TRUE
        JMS_QuireRoute IS NULL        | TRUE
        JMSXGroupID = 'g1'            | UNKNOWN
        jmstype IS NULL               | TRUE
        JMSTYPE IS NULL               | TRUE
        """)
    void shouldTreatOtherJmsNamesAsPropertiesThatAreUsuallyAbsent(final String selector, final Truth expected)
        throws Exception
    {
        assertThat(truth(selector, standard())).isEqualTo(expected);
    }

    @Test
    void shouldReadJmsDefinedPropertiesFromTheMessageWhenTheContextHasNone() throws Exception
    {
        final StoredMessage grouped = withProperties(Map.of("JMSXGroupID", "g1", "JMSXGroupSeq", 3, "JMS_QuireRoute", "eu"));
        assertThat(truth("JMSXGroupID = 'g1' AND JMSXGroupSeq = 3 AND JMS_QuireRoute = 'eu'", grouped)).isEqualTo(Truth.TRUE);
    }

    @Test
    void shouldTakeTheDeliveryCountFromTheContext() throws Exception
    {
        final Selector redelivered = Selector.parse("JMSXDeliveryCount > 1");
        final StoredMessage message = standard();
        assertThat(redelivered.matches(message)).isFalse();
        assertThat(redelivered.matches(message, deliveryCount(1))).isFalse();
        assertThat(redelivered.matches(message, deliveryCount(2))).isTrue();
        assertThat(Selector.parse("JMSXDeliveryCount IS NULL").matches(message, deliveryCount(1))).isFalse();
        assertThat(Selector.parse("JMSXDeliveryCount BETWEEN 2 AND 3").matches(message, deliveryCount(3))).isTrue();
    }

    @Test
    void shouldPreferTheContextOverAStoredPropertyAndAskItOnlyForJmsNames() throws Exception
    {
        final StoredMessage message = withProperties(Map.of("JMSXDeliveryCount", 7, "plain", 1));
        final Map<String, Object> supplied = new HashMap<>();
        final SelectorContext context = name ->
        {
            supplied.put(name, Boolean.TRUE);
            return SelectorContext.JMSX_DELIVERY_COUNT.equals(name) ? 2 : null;
        };
        assertThat(Selector.parse("JMSXDeliveryCount = 2 AND plain = 1 AND JMSType IS NULL").matches(message, context)).isTrue();
        assertThat(Selector.parse("JMSXDeliveryCount = 7").matches(message)).isTrue();
        assertThat(supplied).containsOnlyKeys(SelectorContext.JMSX_DELIVERY_COUNT);
    }

    @Test
    void shouldTreatIdentifiersCaseSensitively() throws Exception
    {
        final StoredMessage message = withProperties(Map.of("myProp", true, "MYpROP", false));
        assertThat(truth("myProp=TRUE AND MYpROP=FALSE", message)).isEqualTo(Truth.TRUE);
        assertThat(truth("myprop", message)).isEqualTo(Truth.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$myProp", "_myProp", "my$Prop_1", "größe", "ñ", "Ω2", "a1b2c3", "notX", "ANDY", "is_",
        "inside", "Between2", "escaped", "nullable", "truer", "falsey", "ORDER", "LIKEs"})
    void shouldAcceptJavaIdentifiersIncludingKeywordPrefixes(final String name) throws Exception
    {
        assertThat(truth(name + " = 1", withProperty(name, 1))).isEqualTo(Truth.TRUE);
        assertThat(truth(name, withProperty(name, true))).isEqualTo(Truth.TRUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "x is null", "x IS NULL", "x Is NuLl", "x iS nOt NULL OR TRUE",
        "y between 1 and 3", "y BETWEEN 1 AND 3", "y BeTwEeN 1 aNd 3",
        "s in ('a')", "s In ('a')", "s not in ('b')", "s like 'a'", "s LiKe '_' EsCaPe '!'",
        "not FALSE", "true and TRUE", "FALSE or True"})
    void shouldReadKeywordsInAnyCase(final String selector) throws Exception
    {
        assertThat(truth(selector, withProperties(Map.of("y", 2, "s", "a")))).isEqualTo(Truth.TRUE);
    }

    private static SelectorContext deliveryCount(final int count)
    {
        return name -> SelectorContext.JMSX_DELIVERY_COUNT.equals(name) ? count : null;
    }
}
