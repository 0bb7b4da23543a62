package dev.quire.jms;

import dev.quire.jms.message.QuireMessage;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Destination;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The simplified API's producer: message properties and headers set on it apply to every message it
 * sends; bodies can be given directly.
 */
final class QuireJMSProducer implements JMSProducer
{
    private final QuireJMSContext context;
    private final QuireMessageProducer producer;
    private final QuireMessage template = new QuireMessage();
    private CompletionListener completionListener;
    private String correlationId;
    private String type;
    private Destination replyTo;

    QuireJMSProducer(final QuireJMSContext context, final QuireMessageProducer producer)
    {
        this.context = context;
        this.producer = producer;
    }

    @Override
    public JMSProducer send(final Destination destination, final Message message)
    {
        if (message == null)
        {
            throw new MessageFormatRuntimeException("the message must not be null");
        }
        QuireJMSContext.run(() ->
        {
            for (final String name : template.getPropertyNamesSet())
            {
                message.setObjectProperty(name, template.getObjectProperty(name));
            }
            if (correlationId != null)
            {
                message.setJMSCorrelationID(correlationId);
            }
            if (type != null)
            {
                message.setJMSType(type);
            }
            if (replyTo != null)
            {
                message.setJMSReplyTo(replyTo);
            }
            if (completionListener == null)
            {
                producer.send(destination, message);
            }
            else
            {
                producer.send(destination, message, completionListener);
            }
        });
        return this;
    }

    @Override
    public JMSProducer send(final Destination destination, final String body)
    {
        return send(destination, context.createTextMessage(body));
    }

    @Override
    public JMSProducer send(final Destination destination, final Map<String, Object> body)
    {
        final MapMessage message = context.createMapMessage();
        if (body != null)
        {
            QuireJMSContext.run(() ->
            {
                for (final Map.Entry<String, Object> entry : body.entrySet())
                {
                    message.setObject(entry.getKey(), entry.getValue());
                }
            });
        }
        return send(destination, message);
    }

    @Override
    public JMSProducer send(final Destination destination, final byte[] body)
    {
        final BytesMessage message = context.createBytesMessage();
        if (body != null)
        {
            QuireJMSContext.run(() -> message.writeBytes(body));
        }
        return send(destination, message);
    }

    @Override
    public JMSProducer send(final Destination destination, final Serializable body)
    {
        return send(destination, context.createObjectMessage(body));
    }

    @Override
    public JMSProducer setDisableMessageID(final boolean value)
    {
        QuireJMSContext.run(() -> producer.setDisableMessageID(value));
        return this;
    }

    @Override
    public boolean getDisableMessageID()
    {
        return QuireJMSContext.call(producer::getDisableMessageID);
    }

    @Override
    public JMSProducer setDisableMessageTimestamp(final boolean value)
    {
        QuireJMSContext.run(() -> producer.setDisableMessageTimestamp(value));
        return this;
    }

    @Override
    public boolean getDisableMessageTimestamp()
    {
        return QuireJMSContext.call(producer::getDisableMessageTimestamp);
    }

    @Override
    public JMSProducer setDeliveryMode(final int deliveryMode)
    {
        QuireJMSContext.run(() -> producer.setDeliveryMode(deliveryMode));
        return this;
    }

    @Override
    public int getDeliveryMode()
    {
        return QuireJMSContext.call(producer::getDeliveryMode);
    }

    @Override
    public JMSProducer setPriority(final int priority)
    {
        QuireJMSContext.run(() -> producer.setPriority(priority));
        return this;
    }

    @Override
    public int getPriority()
    {
        return QuireJMSContext.call(producer::getPriority);
    }

    @Override
    public JMSProducer setTimeToLive(final long timeToLive)
    {
        QuireJMSContext.run(() -> producer.setTimeToLive(timeToLive));
        return this;
    }

    @Override
    public long getTimeToLive()
    {
        return QuireJMSContext.call(producer::getTimeToLive);
    }

    @Override
    public JMSProducer setDeliveryDelay(final long deliveryDelay)
    {
        QuireJMSContext.run(() -> producer.setDeliveryDelay(deliveryDelay));
        return this;
    }

    @Override
    public long getDeliveryDelay()
    {
        return QuireJMSContext.call(producer::getDeliveryDelay);
    }

    @Override
    public JMSProducer setAsync(final CompletionListener completionListener)
    {
        this.completionListener = completionListener;
        return this;
    }

    @Override
    public CompletionListener getAsync()
    {
        return completionListener;
    }

    @Override
    public JMSProducer setProperty(final String name, final boolean value)
    {
        return setProperty(name, (Object)value);
    }

    @Override
    public JMSProducer setProperty(final String name, final byte value)
    {
        return setProperty(name, (Object)value);
    }

    @Override
    public JMSProducer setProperty(final String name, final short value)
    {
        return setProperty(name, (Object)value);
    }

    @Override
    public JMSProducer setProperty(final String name, final int value)
    {
        return setProperty(name, (Object)value);
    }

    @Override
    public JMSProducer setProperty(final String name, final long value)
    {
        return setProperty(name, (Object)value);
    }

    @Override
    public JMSProducer setProperty(final String name, final float value)
    {
        return setProperty(name, (Object)value);
    }

    @Override
    public JMSProducer setProperty(final String name, final double value)
    {
        return setProperty(name, (Object)value);
    }

    @Override
    public JMSProducer setProperty(final String name, final String value)
    {
        return setProperty(name, (Object)value);
    }

    @Override
    public JMSProducer setProperty(final String name, final Object value)
    {
        QuireJMSContext.run(() -> template.setObjectProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer clearProperties()
    {
        template.clearProperties();
        return this;
    }

    @Override
    public boolean propertyExists(final String name)
    {
        return template.propertyExists(name);
    }

    @Override
    public boolean getBooleanProperty(final String name)
    {
        return QuireJMSContext.call(() -> template.getBooleanProperty(name));
    }

    @Override
    public byte getByteProperty(final String name)
    {
        return QuireJMSContext.call(() -> template.getByteProperty(name));
    }

    @Override
    public short getShortProperty(final String name)
    {
        return QuireJMSContext.call(() -> template.getShortProperty(name));
    }

    @Override
    public int getIntProperty(final String name)
    {
        return QuireJMSContext.call(() -> template.getIntProperty(name));
    }

    @Override
    public long getLongProperty(final String name)
    {
        return QuireJMSContext.call(() -> template.getLongProperty(name));
    }

    @Override
    public float getFloatProperty(final String name)
    {
        return QuireJMSContext.call(() -> template.getFloatProperty(name));
    }

    @Override
    public double getDoubleProperty(final String name)
    {
        return QuireJMSContext.call(() -> template.getDoubleProperty(name));
    }

    @Override
    public String getStringProperty(final String name)
    {
        return QuireJMSContext.call(() -> template.getStringProperty(name));
    }

    @Override
    public Object getObjectProperty(final String name)
    {
        return template.getObjectProperty(name);
    }

    @Override
    public Set<String> getPropertyNames()
    {
        return Collections.unmodifiableSet(new LinkedHashSet<>(template.getPropertyNamesSet()));
    }

    @Override
    public JMSProducer setJMSCorrelationIDAsBytes(final byte[] correlationId)
    {
        template.setJMSCorrelationIDAsBytes(correlationId);
        this.correlationId = template.getJMSCorrelationID();
        return this;
    }

    @Override
    public byte[] getJMSCorrelationIDAsBytes()
    {
        return template.getJMSCorrelationIDAsBytes();
    }

    @Override
    public JMSProducer setJMSCorrelationID(final String correlationId)
    {
        template.setJMSCorrelationID(correlationId);
        this.correlationId = correlationId;
        return this;
    }

    @Override
    public String getJMSCorrelationID()
    {
        return correlationId;
    }

    @Override
    public JMSProducer setJMSType(final String type)
    {
        this.type = type;
        return this;
    }

    @Override
    public String getJMSType()
    {
        return type;
    }

    @Override
    public JMSProducer setJMSReplyTo(final Destination replyTo)
    {
        this.replyTo = replyTo;
        return this;
    }

    @Override
    public Destination getJMSReplyTo()
    {
        return replyTo;
    }
}
