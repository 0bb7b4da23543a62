package dev.quire.jms.jndi;

import dev.quire.jms.QuireConnectionFactory;
import dev.quire.jms.QuireQueue;
import dev.quire.jms.QuireTopic;
import dev.quire.jms.QuireXAConnectionFactory;

import javax.naming.Context;
import javax.naming.Name;
import javax.naming.RefAddr;
import javax.naming.Reference;
import javax.naming.spi.ObjectFactory;
import java.util.Hashtable;

/**
 * Rebuilds Quire's administered objects from the JNDI {@link Reference}s they bind as (a connection
 * factory by its {@code quire:} URI, a destination by its name), for naming services that store
 * references rather than objects.
 */
public final class QuireObjectFactory implements ObjectFactory
{
    /** The reference address holding a connection factory's URI or a destination's name. */
    public static final String ADDRESS = "quire";

    @Override
    public Object getObjectInstance(final Object object, final Name name, final Context context,
        final Hashtable<?, ?> environment)
    {
        if (!(object instanceof Reference reference))
        {
            return null;
        }
        final RefAddr address = reference.get(ADDRESS);
        if (address == null)
        {
            return null;
        }
        final String value = (String)address.getContent();
        final String className = reference.getClassName();
        if (QuireXAConnectionFactory.class.getName().equals(className))
        {
            return new QuireXAConnectionFactory(value);
        }
        if (QuireConnectionFactory.class.getName().equals(className))
        {
            return new QuireConnectionFactory(value);
        }
        if (QuireQueue.class.getName().equals(className))
        {
            return new QuireQueue(value);
        }
        if (QuireTopic.class.getName().equals(className))
        {
            return new QuireTopic(value);
        }
        return null;
    }

    /**
     * @param type  the object's class.
     * @param value its URI or name.
     * @return the reference it binds as.
     */
    public static Reference reference(final Class<?> type, final String value)
    {
        final Reference reference = new Reference(type.getName(), QuireObjectFactory.class.getName(), null);
        reference.add(new javax.naming.StringRefAddr(ADDRESS, value));
        return reference;
    }
}
