package dev.quire.jms.message;

import dev.quire.jms.QuireQueue;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class MessagePropertiesTest
{
    private final QuireMessage message = new QuireMessage();

    @Test
    void shouldWidenNumbersAsTheConversionTableAllows() throws JMSException
    {
        message.setByteProperty("b", (byte)7);
        assertThat(message.getShortProperty("b")).isEqualTo((short)7);
        assertThat(message.getIntProperty("b")).isEqualTo(7);
        assertThat(message.getLongProperty("b")).isEqualTo(7L);
        assertThat(message.getStringProperty("b")).isEqualTo("7");
        message.setFloatProperty("f", 1.5f);
        assertThat(message.getDoubleProperty("f")).isEqualTo(1.5);
        assertThat(message.getStringProperty("f")).isEqualTo("1.5");
    }

    @Test
    void shouldRefuseNarrowingAndCrossTypeConversions() throws JMSException
    {
        message.setIntProperty("i", 7);
        message.setBooleanProperty("flag", true);
        message.setDoubleProperty("d", 2.0);
        assertThatThrownBy(() -> message.getShortProperty("i")).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.getFloatProperty("d")).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.getIntProperty("flag")).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.getBooleanProperty("i")).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.getLongProperty("d")).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void shouldParseStringsAndFailWithNumberFormatException() throws JMSException
    {
        message.setStringProperty("n", "42");
        message.setStringProperty("t", "true");
        message.setStringProperty("x", "forty-two");
        assertThat(message.getIntProperty("n")).isEqualTo(42);
        assertThat(message.getDoubleProperty("n")).isEqualTo(42.0);
        assertThat(message.getBooleanProperty("t")).isTrue();
        assertThat(message.getBooleanProperty("x")).isFalse();
        assertThatThrownBy(() -> message.getIntProperty("x")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void shouldTreatMissingPropertyAsNull() throws JMSException
    {
        assertThat(message.getStringProperty("missing")).isNull();
        assertThat(message.getObjectProperty("missing")).isNull();
        assertThat(message.getBooleanProperty("missing")).isFalse();
        assertThat(message.propertyExists("missing")).isFalse();
        assertThatThrownBy(() -> message.getIntProperty("missing")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getDoubleProperty("missing")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldAcceptOnlyPropertyTypesInSetObjectProperty() throws JMSException
    {
        message.setObjectProperty("ok", 5L);
        assertThat(message.getObjectProperty("ok")).isEqualTo(5L);
        assertThatThrownBy(() -> message.setObjectProperty("bad", new int[0])).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.setObjectProperty("bad", 'c')).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void shouldRejectNullOrEmptyPropertyNames()
    {
        assertThatThrownBy(() -> message.setIntProperty(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message.setStringProperty("", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldMakeReceivedPropertiesReadOnlyUntilCleared() throws JMSException
    {
        message.setStringProperty("name", "value");
        final QuireMessage received = StoredMessages.toReceived(StoredMessages.toStored(message), new QuireQueue("q"),
            3, true, Acknowledger.NONE);
        assertThat(received.getStringProperty("name")).isEqualTo("value");
        assertThat(received.getIntProperty(StoredMessages.DELIVERY_COUNT)).isEqualTo(3);
        assertThat(Collections.list(received.getPropertyNames())).containsExactly("name", StoredMessages.DELIVERY_COUNT);
        assertThat(received.getJMSRedelivered()).isTrue();
        assertThatThrownBy(() -> received.setStringProperty("other", "x")).isInstanceOf(MessageNotWriteableException.class);
        received.clearProperties();
        received.setStringProperty("other", "x");
        assertThat(Collections.list(received.getPropertyNames())).containsExactly("other");
    }

    @Test
    void shouldKeepHeadersThroughTheStoredForm() throws JMSException
    {
        message.setJMSMessageID("ID:1");
        message.setJMSCorrelationIDAsBytes(new byte[] {0, (byte)0xff, 42});
        message.setJMSType("order");
        message.setJMSReplyTo(new QuireQueue("replies"));
        message.setJMSPriority(8);
        message.setJMSTimestamp(100);
        message.setJMSExpiration(200);
        message.setJMSDeliveryTime(150);
        message.setJMSDeliveryMode(jakarta.jms.DeliveryMode.NON_PERSISTENT);
        final QuireMessage received = StoredMessages.toReceived(StoredMessages.toStored(message), new QuireQueue("q"),
            1, false, Acknowledger.NONE);
        assertThat(received.getJMSMessageID()).isEqualTo("ID:1");
        assertThat(received.getJMSCorrelationIDAsBytes()).containsExactly(0, 0xff, 42);
        assertThat(received.getJMSType()).isEqualTo("order");
        assertThat(received.getJMSReplyTo()).isEqualTo(new QuireQueue("replies"));
        assertThat(received.getJMSDestination()).isEqualTo(new QuireQueue("q"));
        assertThat(received.getJMSPriority()).isEqualTo(8);
        assertThat(received.getJMSTimestamp()).isEqualTo(100);
        assertThat(received.getJMSExpiration()).isEqualTo(200);
        assertThat(received.getJMSDeliveryTime()).isEqualTo(150);
        assertThat(received.getJMSDeliveryMode()).isEqualTo(jakarta.jms.DeliveryMode.NON_PERSISTENT);
        assertThat(received.getBody(Object.class)).isNull();
    }

    @Test
    void shouldAcknowledgeThroughTheSessionsAcknowledger() throws JMSException
    {
        final int[] calls = new int[1];
        final QuireMessage received = StoredMessages.toReceived(StoredMessages.toStored(message), new QuireQueue("q"),
            1, false, () -> calls[0]++);
        received.acknowledge();
        assertThat(calls[0]).isEqualTo(1);
        message.acknowledge();
        assertThat(calls[0]).isEqualTo(1);
    }
}
