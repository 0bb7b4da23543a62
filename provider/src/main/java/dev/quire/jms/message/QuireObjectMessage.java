package dev.quire.jms.message;

import dev.quire.store.record.BodyType;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/**
 * A message whose body is a serializable object. The object is serialized when set, so later changes to
 * it do not change the message, and deserialized (with the thread's context class loader) when read.
 */
public final class QuireObjectMessage extends QuireMessage implements ObjectMessage
{
    private byte[] serialized;

    @Override
    public void setObject(final Serializable object) throws JMSException
    {
        checkBodyWritable();
        serialized = object == null ? null : serialize(object);
    }

    @Override
    public Serializable getObject() throws JMSException
    {
        return serialized == null ? null : deserialize(serialized);
    }

    @Override
    public void clearBody() throws JMSException
    {
        super.clearBody();
        serialized = null;
    }

    @Override
    public <T> T getBody(final Class<T> c) throws JMSException
    {
        final Serializable object = getObject();
        if (object == null)
        {
            return null;
        }
        if (!c.isInstance(object))
        {
            throw new MessageFormatException("the body of this ObjectMessage is a " + object.getClass().getName() +
                ", not a " + c.getName());
        }
        return c.cast(object);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(final Class c)
    {
        if (serialized == null)
        {
            return true;
        }
        try
        {
            return c.isInstance(deserialize(serialized));
        }
        catch (final JMSException ex)
        {
            return false;
        }
    }

    @Override
    public BodyType bodyType()
    {
        return BodyType.OBJECT;
    }

    @Override
    public byte[] encodeBody()
    {
        return serialized == null ? NO_BODY : serialized.clone();
    }

    @Override
    void decodeBody(final byte[] body)
    {
        serialized = body.length == 0 ? null : body.clone();
    }

    private static byte[] serialize(final Serializable object) throws JMSException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes))
        {
            out.writeObject(object);
        }
        catch (final IOException ex)
        {
            throw formatFailure("cannot serialize a " + object.getClass().getName(), ex);
        }
        return bytes.toByteArray();
    }

    private static Serializable deserialize(final byte[] bytes) throws JMSException
    {
        try (ObjectInputStream in = new ContextClassLoaderInputStream(new ByteArrayInputStream(bytes)))
        {
            return (Serializable)in.readObject();
        }
        catch (final IOException | ClassNotFoundException ex)
        {
            throw formatFailure("cannot deserialize the body of an ObjectMessage", ex);
        }
    }

    private static JMSException formatFailure(final String message, final Exception cause)
    {
        final MessageFormatException exception = new MessageFormatException(message + ": " + cause);
        exception.setLinkedException(cause);
        exception.initCause(cause);
        return exception;
    }

    /**
     * Resolves classes with the thread's context class loader first, as application servers need.
     */
    private static final class ContextClassLoaderInputStream extends ObjectInputStream
    {
        ContextClassLoaderInputStream(final InputStream in) throws IOException
        {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(final ObjectStreamClass description) throws IOException, ClassNotFoundException
        {
            final ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null)
            {
                try
                {
                    return Class.forName(description.getName(), false, loader);
                }
                catch (final ClassNotFoundException ignored)
                {
                    // fall back to the default resolution below
                }
            }
            return super.resolveClass(description);
        }
    }
}
