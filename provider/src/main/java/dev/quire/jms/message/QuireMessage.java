package dev.quire.jms.message;

import dev.quire.store.record.BodyType;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message without a body, and the base of the other message types: its headers with their defaults,
 * its properties with the specification's type conversions, and the rule that a received message's
 * properties are read-only until {@link #clearProperties()}.
 */
public class QuireMessage implements Message
{
    /** The encoding of an empty body, shared: nothing writes into it. */
    static final byte[] NO_BODY = new byte[0];

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private String messageId;
    private long timestamp;
    private String correlationId;
    private Destination replyTo;
    private Destination destination;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private boolean redelivered;
    private String type;
    private long expiration;
    private long deliveryTime;
    private int priority = Message.DEFAULT_PRIORITY;
    private boolean propertiesReadOnly;
    private boolean bodyReadOnly;
    private Acknowledger acknowledger = Acknowledger.NONE;

    @Override
    public String getJMSMessageID()
    {
        return messageId;
    }

    @Override
    public void setJMSMessageID(final String id)
    {
        this.messageId = id;
    }

    @Override
    public long getJMSTimestamp()
    {
        return timestamp;
    }

    @Override
    public void setJMSTimestamp(final long timestamp)
    {
        this.timestamp = timestamp;
    }

    @Override
    public byte[] getJMSCorrelationIDAsBytes()
    {
        return correlationId == null ? null : correlationId.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void setJMSCorrelationIDAsBytes(final byte[] correlationId)
    {
        this.correlationId = correlationId == null ? null : new String(correlationId, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void setJMSCorrelationID(final String correlationId)
    {
        this.correlationId = correlationId;
    }

    @Override
    public String getJMSCorrelationID()
    {
        return correlationId;
    }

    @Override
    public Destination getJMSReplyTo()
    {
        return replyTo;
    }

    @Override
    public void setJMSReplyTo(final Destination replyTo)
    {
        this.replyTo = replyTo;
    }

    @Override
    public Destination getJMSDestination()
    {
        return destination;
    }

    @Override
    public void setJMSDestination(final Destination destination)
    {
        this.destination = destination;
    }

    @Override
    public int getJMSDeliveryMode()
    {
        return deliveryMode;
    }

    @Override
    public void setJMSDeliveryMode(final int deliveryMode)
    {
        this.deliveryMode = deliveryMode;
    }

    @Override
    public boolean getJMSRedelivered()
    {
        return redelivered;
    }

    @Override
    public void setJMSRedelivered(final boolean redelivered)
    {
        this.redelivered = redelivered;
    }

    @Override
    public String getJMSType()
    {
        return type;
    }

    @Override
    public void setJMSType(final String type)
    {
        this.type = type;
    }

    @Override
    public long getJMSExpiration()
    {
        return expiration;
    }

    @Override
    public void setJMSExpiration(final long expiration)
    {
        this.expiration = expiration;
    }

    @Override
    public long getJMSDeliveryTime()
    {
        return deliveryTime;
    }

    @Override
    public void setJMSDeliveryTime(final long deliveryTime)
    {
        this.deliveryTime = deliveryTime;
    }

    @Override
    public int getJMSPriority()
    {
        return priority;
    }

    @Override
    public void setJMSPriority(final int priority)
    {
        this.priority = priority;
    }

    @Override
    public void clearProperties()
    {
        properties.clear();
        propertiesReadOnly = false;
    }

    @Override
    public boolean propertyExists(final String name)
    {
        return properties.containsKey(name);
    }

    @Override
    public boolean getBooleanProperty(final String name) throws JMSException
    {
        return ValueConversions.toBoolean(properties.get(name));
    }

    @Override
    public byte getByteProperty(final String name) throws JMSException
    {
        return ValueConversions.toByte(properties.get(name));
    }

    @Override
    public short getShortProperty(final String name) throws JMSException
    {
        return ValueConversions.toShort(properties.get(name));
    }

    @Override
    public int getIntProperty(final String name) throws JMSException
    {
        return ValueConversions.toInt(properties.get(name));
    }

    @Override
    public long getLongProperty(final String name) throws JMSException
    {
        return ValueConversions.toLong(properties.get(name));
    }

    @Override
    public float getFloatProperty(final String name) throws JMSException
    {
        return ValueConversions.toFloat(properties.get(name));
    }

    @Override
    public double getDoubleProperty(final String name) throws JMSException
    {
        return ValueConversions.toDouble(properties.get(name));
    }

    @Override
    public String getStringProperty(final String name) throws JMSException
    {
        return ValueConversions.toText(properties.get(name));
    }

    @Override
    public Object getObjectProperty(final String name)
    {
        return properties.get(name);
    }

    @Override
    public Enumeration<String> getPropertyNames()
    {
        return Collections.enumeration(properties.keySet());
    }

    /**
     * @return the property names, in the order they were set.
     */
    public java.util.Set<String> getPropertyNamesSet()
    {
        return Collections.unmodifiableSet(properties.keySet());
    }

    @Override
    public void setBooleanProperty(final String name, final boolean value) throws JMSException
    {
        putProperty(name, value);
    }

    @Override
    public void setByteProperty(final String name, final byte value) throws JMSException
    {
        putProperty(name, value);
    }

    @Override
    public void setShortProperty(final String name, final short value) throws JMSException
    {
        putProperty(name, value);
    }

    @Override
    public void setIntProperty(final String name, final int value) throws JMSException
    {
        putProperty(name, value);
    }

    @Override
    public void setLongProperty(final String name, final long value) throws JMSException
    {
        putProperty(name, value);
    }

    @Override
    public void setFloatProperty(final String name, final float value) throws JMSException
    {
        putProperty(name, value);
    }

    @Override
    public void setDoubleProperty(final String name, final double value) throws JMSException
    {
        putProperty(name, value);
    }

    @Override
    public void setStringProperty(final String name, final String value) throws JMSException
    {
        putProperty(name, value);
    }

    @Override
    public void setObjectProperty(final String name, final Object value) throws JMSException
    {
        if (!(value == null || value instanceof Boolean || value instanceof Byte || value instanceof Short ||
            value instanceof Integer || value instanceof Long || value instanceof Float || value instanceof Double ||
            value instanceof String))
        {
            throw new MessageFormatException("a property value must be a boolean, byte, short, int, long, float, " +
                "double or String, not a " + value.getClass().getName());
        }
        putProperty(name, value);
    }

    private void putProperty(final String name, final Object value) throws MessageNotWriteableException
    {
        if (name == null || name.isEmpty())
        {
            throw new IllegalArgumentException("a property name must not be null or empty");
        }
        if (propertiesReadOnly)
        {
            throw new MessageNotWriteableException("the properties of a received message are read-only until " +
                "clearProperties() is called");
        }
        properties.put(name, value);
    }

    @Override
    public void acknowledge() throws JMSException
    {
        acknowledger.acknowledge();
    }

    @Override
    public void clearBody() throws JMSException
    {
        bodyReadOnly = false;
    }

    @Override
    public <T> T getBody(final Class<T> c) throws JMSException
    {
        return null;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(final Class c)
    {
        return true;
    }

    /**
     * @return how the body is stored.
     */
    public BodyType bodyType()
    {
        return BodyType.NONE;
    }

    /**
     * @return the body encoded for storage.
     * @throws JMSException when it cannot be encoded.
     */
    public byte[] encodeBody() throws JMSException
    {
        return NO_BODY;
    }

    /**
     * Sets the body from its stored form.
     *
     * @param body the stored bytes.
     * @throws JMSException when they cannot be decoded.
     */
    void decodeBody(final byte[] body) throws JMSException
    {
        // a message without a body has nothing to decode
    }

    /**
     * @return the properties, in insertion order; only values of the allowed types.
     */
    Map<String, Object> properties()
    {
        return properties;
    }

    /**
     * Sets a property the provider owns (JMSXDeliveryCount) whatever the read-only state.
     */
    void putProviderProperty(final String name, final Object value)
    {
        properties.put(name, value);
    }

    /**
     * Makes the message look received: properties and body read-only, acknowledged through {@code acknowledger}.
     */
    void markReceived(final Acknowledger acknowledger)
    {
        this.propertiesReadOnly = true;
        this.bodyReadOnly = true;
        this.acknowledger = acknowledger;
    }

    /**
     * @return true while the body may not be changed (a received message before {@link #clearBody()}).
     */
    protected boolean bodyReadOnly()
    {
        return bodyReadOnly;
    }

    /**
     * @throws MessageNotWriteableException when the body is read-only.
     */
    protected void checkBodyWritable() throws MessageNotWriteableException
    {
        if (bodyReadOnly)
        {
            throw new MessageNotWriteableException("the body of a received message is read-only until clearBody() is called");
        }
    }

    @Override
    public String toString()
    {
        return getClass().getSimpleName() + "[id=" + messageId + ", destination=" + destination + ", priority=" +
            priority + ", deliveryMode=" + deliveryMode + ", redelivered=" + redelivered + ", properties=" + properties + "]";
    }
}
