package dev.quire.jms.message;

import dev.quire.store.record.BodyType;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.TextMessage;

import java.nio.charset.StandardCharsets;

/**
 * A message whose body is a string.
 */
public final class QuireTextMessage extends QuireMessage implements TextMessage
{
    private String text;

    @Override
    public void setText(final String text) throws JMSException
    {
        checkBodyWritable();
        this.text = text;
    }

    @Override
    public String getText()
    {
        return text;
    }

    @Override
    public void clearBody() throws JMSException
    {
        super.clearBody();
        text = null;
    }

    @Override
    public <T> T getBody(final Class<T> c) throws JMSException
    {
        if (text == null)
        {
            return null;
        }
        if (!isBodyAssignableTo(c))
        {
            throw new MessageFormatException("the body of a TextMessage is a String, not a " + c.getName());
        }
        return c.cast(text);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(final Class c)
    {
        final Class<?> type = c;
        return text == null || type.isAssignableFrom(String.class);
    }

    @Override
    public BodyType bodyType()
    {
        return BodyType.TEXT;
    }

    /**
     * @return nothing for a null text; otherwise a marker byte and the text in UTF-8, so that an empty
     *         text stays empty rather than null.
     */
    @Override
    public byte[] encodeBody()
    {
        if (text == null)
        {
            return NO_BODY;
        }
        final byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        final byte[] body = new byte[utf8.length + 1];
        body[0] = 1;
        System.arraycopy(utf8, 0, body, 1, utf8.length);
        return body;
    }

    @Override
    void decodeBody(final byte[] body)
    {
        text = body.length == 0 ? null : new String(body, 1, body.length - 1, StandardCharsets.UTF_8);
    }
}
