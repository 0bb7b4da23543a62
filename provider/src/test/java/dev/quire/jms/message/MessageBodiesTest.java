package dev.quire.jms.message;

import dev.quire.jms.QuireQueue;
import dev.quire.store.record.StoredMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class MessageBodiesTest
{
    @SuppressWarnings("unchecked")
    private static <T extends QuireMessage> T roundTrip(final T message) throws JMSException
    {
        return (T)StoredMessages.toReceived(StoredMessages.toStored(message), new QuireQueue("q"), 1, false,
            Acknowledger.NONE);
    }

    @Test
    void shouldRoundTripTextIncludingEmptyAndNull() throws JMSException
    {
        final QuireTextMessage text = new QuireTextMessage();
        text.setText("héllo ☃");
        assertThat(roundTrip(text).getText()).isEqualTo("héllo ☃");
        text.setText("");
        assertThat(roundTrip(text).getText()).isEmpty();
        text.setText(null);
        assertThat(roundTrip(text).getText()).isNull();
    }

    @Test
    void shouldMakeReceivedBodyReadOnlyUntilCleared() throws JMSException
    {
        final QuireTextMessage text = new QuireTextMessage();
        text.setText("x");
        final QuireTextMessage received = roundTrip(text);
        assertThatThrownBy(() -> received.setText("y")).isInstanceOf(MessageNotWriteableException.class);
        received.clearBody();
        assertThat(received.getText()).isNull();
        received.setText("y");
        assertThat(received.getText()).isEqualTo("y");
    }

    @Test
    void shouldReturnBodiesOnlyAsAssignableTypes() throws JMSException
    {
        final QuireTextMessage text = new QuireTextMessage();
        assertThat(text.isBodyAssignableTo(Integer.class)).isTrue();
        assertThat(text.getBody(Integer.class)).isNull();
        text.setText("body");
        assertThat(text.getBody(CharSequence.class)).isEqualTo("body");
        assertThat(text.isBodyAssignableTo(Integer.class)).isFalse();
        assertThatThrownBy(() -> text.getBody(Integer.class)).isInstanceOf(MessageFormatException.class);

        final QuireStreamMessage stream = new QuireStreamMessage();
        assertThat(stream.isBodyAssignableTo(Object.class)).isFalse();
        assertThatThrownBy(() -> stream.getBody(Object.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void shouldWriteThenReadBytesAfterReset() throws JMSException
    {
        final QuireBytesMessage bytes = new QuireBytesMessage();
        bytes.writeInt(7);
        bytes.writeUTF("utf");
        bytes.writeObject(new byte[] {1, 2, 3});
        assertThatThrownBy(bytes::readInt).isInstanceOf(MessageNotReadableException.class);
        assertThatThrownBy(bytes::getBodyLength).isInstanceOf(MessageNotReadableException.class);
        bytes.reset();
        assertThat(bytes.getBodyLength()).isEqualTo(4 + 5 + 3);
        assertThat(bytes.readInt()).isEqualTo(7);
        assertThat(bytes.readUTF()).isEqualTo("utf");
        final byte[] chunk = new byte[2];
        assertThat(bytes.readBytes(chunk)).isEqualTo(2);
        assertThat(bytes.readBytes(chunk)).isEqualTo(1);
        assertThat(bytes.readBytes(chunk)).isEqualTo(-1);
        assertThatThrownBy(bytes::readByte).isInstanceOf(MessageEOFException.class);
        bytes.reset();
        assertThat(bytes.readInt()).as("read again from the start after a reset").isEqualTo(7);
        assertThatThrownBy(() -> bytes.writeInt(1)).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> bytes.writeObject(new Object())).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void shouldReceiveBytesInReadModeWithBodyAsByteArray() throws JMSException
    {
        final QuireBytesMessage bytes = new QuireBytesMessage();
        assertThat(bytes.getBody(byte[].class)).isNull();
        bytes.writeBytes(new byte[] {9, 8, 7});
        final QuireBytesMessage received = roundTrip(bytes);
        assertThat(received.getBodyLength()).isEqualTo(3);
        assertThat(received.getBody(byte[].class)).containsExactly(9, 8, 7);
        assertThat(received.readByte()).isEqualTo((byte)9);
        assertThatThrownBy(() -> received.writeByte((byte)1)).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void shouldLeaveTheStoredBodyAndOtherReceiversAloneWhateverOneReceiverDoes() throws JMSException
    {
        final QuireBytesMessage sent = new QuireBytesMessage();
        sent.writeBytes(new byte[] {1, 2, 3});
        final StoredMessage stored = StoredMessages.toStored(sent);
        final QuireBytesMessage first = (QuireBytesMessage)StoredMessages.toReceived(stored, new QuireQueue("q"),
            1, false, Acknowledger.NONE);
        final QuireBytesMessage second = (QuireBytesMessage)StoredMessages.toReceived(stored, new QuireQueue("q"),
            2, false, Acknowledger.NONE);

        first.getBody(byte[].class)[0] = 9;
        final byte[] read = new byte[3];
        first.readBytes(read);
        read[1] = 9;
        first.clearBody();
        first.writeBytes(new byte[] {7, 7, 7});
        first.reset();

        assertThat(stored.body()).containsExactly(1, 2, 3);
        assertThat(second.getBody(byte[].class)).containsExactly(1, 2, 3);
        assertThat(second.readByte()).isEqualTo((byte)1);
        assertThat(first.getBody(byte[].class)).containsExactly(7, 7, 7);
    }

    @Test
    void shouldKeepWhatWasSentWhenTheSenderWritesOnOrReadsIt() throws JMSException
    {
        final QuireBytesMessage message = new QuireBytesMessage();
        final byte[] body = new byte[100];
        Arrays.fill(body, (byte)1);
        message.writeBytes(body);
        final StoredMessage first = StoredMessages.toStored(message);

        message.writeByte((byte)2);
        final StoredMessage second = StoredMessages.toStored(message);
        message.reset();
        final StoredMessage third = StoredMessages.toStored(message);
        message.readByte();
        message.clearBody();
        message.writeBytes(new byte[] {3});

        assertThat(first.body()).hasSize(100).containsOnly(1);
        assertThat(second.body()).hasSize(101).endsWith(2);
        assertThat(third.body()).isEqualTo(second.body());
        assertThat(StoredMessages.toStored(message).body()).containsExactly(3);
    }

    @Test
    void shouldConvertMapValuesAndRoundTripEveryType() throws JMSException
    {
        final QuireMapMessage map = new QuireMapMessage();
        map.setBoolean("bool", true);
        map.setByte("byte", (byte)1);
        map.setShort("short", (short)2);
        map.setChar("char", 'c');
        map.setInt("int", 3);
        map.setLong("long", 4L);
        map.setFloat("float", 5.5f);
        map.setDouble("double", 6.5);
        map.setString("string", "7");
        map.setBytes("bytes", new byte[] {1, 2, 3, 4}, 1, 2);
        map.setObject("null", null);
        final QuireMapMessage received = roundTrip(map);
        assertThat(received.getLong("int")).isEqualTo(3L);
        assertThat(received.getString("char")).isEqualTo("c");
        assertThat(received.getInt("string")).isEqualTo(7);
        assertThat(received.getBytes("bytes")).containsExactly(2, 3);
        assertThat(received.getDouble("float")).isEqualTo(5.5);
        assertThat(received.itemExists("null")).isTrue();
        assertThat(received.getString("null")).isNull();
        assertThatThrownBy(() -> received.getChar("string")).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> received.getString("bytes")).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> received.getChar("null")).isInstanceOf(NullPointerException.class);
        final List<String> names = new ArrayList<>();
        received.getMapNames().asIterator().forEachRemaining(names::add);
        assertThat(names).containsExactly("bool", "byte", "short", "char", "int", "long", "float", "double", "string",
            "bytes", "null");
        final Map<?, ?> body = received.getBody(Map.class);
        assertThat(body.get("int")).isEqualTo(3);
        assertThatThrownBy(() -> received.setInt("x", 1)).isInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> map.setObject("x", new Object())).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void shouldReadStreamInOrderKeepingThePositionWhenAConversionFails() throws JMSException
    {
        final QuireStreamMessage stream = new QuireStreamMessage();
        stream.writeString("12");
        stream.writeBytes(new byte[] {1, 2, 3});
        stream.writeObject(null);
        stream.writeChar('z');
        assertThatThrownBy(stream::readString).isInstanceOf(MessageNotReadableException.class);
        final QuireStreamMessage received = roundTrip(stream);
        assertThat(received.readBoolean()).as("'12' parsed as a boolean").isFalse();
        received.reset();
        assertThatThrownBy(received::readChar).isInstanceOf(MessageFormatException.class);
        assertThat(received.readLong()).isEqualTo(12L);
        final byte[] chunk = new byte[2];
        assertThat(received.readBytes(chunk)).isEqualTo(2);
        assertThatThrownBy(received::readInt).isInstanceOf(MessageFormatException.class);
        assertThat(received.readBytes(chunk)).isEqualTo(1);
        assertThat(received.readObject()).isNull();
        assertThat(received.readString()).isEqualTo("z");
        assertThatThrownBy(received::readObject).isInstanceOf(MessageEOFException.class);
        assertThatThrownBy(() -> received.writeInt(1)).isInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void shouldCopyObjectWhenSetSoLaterChangesDoNotLeak() throws JMSException
    {
        final QuireObjectMessage object = new QuireObjectMessage();
        final ArrayList<String> list = new ArrayList<>(List.of("a"));
        object.setObject(list);
        list.add("b");
        assertThat(object.getObject()).isEqualTo(List.of("a"));
        final QuireObjectMessage received = roundTrip(object);
        final Object body = received.getBody(List.class);
        assertThat(body).isEqualTo(List.of("a"));
        assertThat(received.isBodyAssignableTo(String.class)).isFalse();
        assertThatThrownBy(() -> received.getBody(String.class)).isInstanceOf(MessageFormatException.class);
    }
}
