package dev.quire.jms.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

import java.util.Enumeration;

/**
 * Sends messages made by another provider: the specification requires a producer to accept them, so
 * they are copied, headers, properties and body, into Quire's message of the same type.
 */
public final class ForeignMessages
{
    private ForeignMessages()
    {
    }

    /**
     * @param message any provider's message.
     * @return the message itself when it is Quire's, else a Quire copy.
     * @throws JMSException when the foreign message cannot be read.
     */
    public static QuireMessage asQuire(final Message message) throws JMSException
    {
        if (message instanceof QuireMessage quire)
        {
            return quire;
        }
        final QuireMessage copy = copyBody(message);
        copy.setJMSMessageID(message.getJMSMessageID());
        copy.setJMSTimestamp(message.getJMSTimestamp());
        copy.setJMSCorrelationID(message.getJMSCorrelationID());
        copy.setJMSReplyTo(message.getJMSReplyTo());
        copy.setJMSDestination(message.getJMSDestination());
        copy.setJMSDeliveryMode(message.getJMSDeliveryMode());
        copy.setJMSType(message.getJMSType());
        copy.setJMSExpiration(message.getJMSExpiration());
        copy.setJMSDeliveryTime(message.getJMSDeliveryTime());
        copy.setJMSPriority(message.getJMSPriority());
        final Enumeration<?> names = message.getPropertyNames();
        while (names.hasMoreElements())
        {
            final String name = (String)names.nextElement();
            copy.setObjectProperty(name, message.getObjectProperty(name));
        }
        return copy;
    }

    private static QuireMessage copyBody(final Message message) throws JMSException
    {
        if (message instanceof TextMessage text)
        {
            final QuireTextMessage copy = new QuireTextMessage();
            copy.setText(text.getText());
            return copy;
        }
        if (message instanceof BytesMessage bytes)
        {
            final QuireBytesMessage copy = new QuireBytesMessage();
            bytes.reset();
            final byte[] body = new byte[(int)bytes.getBodyLength()];
            bytes.readBytes(body);
            copy.writeBytes(body);
            return copy;
        }
        if (message instanceof MapMessage map)
        {
            final QuireMapMessage copy = new QuireMapMessage();
            final Enumeration<?> names = map.getMapNames();
            while (names.hasMoreElements())
            {
                final String name = (String)names.nextElement();
                copy.setObject(name, map.getObject(name));
            }
            return copy;
        }
        if (message instanceof StreamMessage stream)
        {
            final QuireStreamMessage copy = new QuireStreamMessage();
            stream.reset();
            try
            {
                while (true)
                {
                    copy.writeObject(stream.readObject());
                }
            }
            catch (final jakarta.jms.MessageEOFException end)
            {
                return copy;
            }
        }
        if (message instanceof ObjectMessage object)
        {
            final QuireObjectMessage copy = new QuireObjectMessage();
            copy.setObject(object.getObject());
            return copy;
        }
        return new QuireMessage();
    }
}
