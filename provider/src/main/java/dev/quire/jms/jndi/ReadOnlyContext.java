package dev.quire.jms.jndi;

import javax.naming.Binding;
import javax.naming.CompositeName;
import javax.naming.Context;
import javax.naming.Name;
import javax.naming.NameClassPair;
import javax.naming.NameNotFoundException;
import javax.naming.NameParser;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.OperationNotSupportedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A flat, read-only naming context: the administered objects named in the environment, looked up by
 * their full name. Changing it is not supported.
 */
final class ReadOnlyContext implements Context
{
    private static final NameParser PARSER = CompositeName::new;

    private final Map<String, Object> bindings;
    private final Hashtable<Object, Object> environment;

    ReadOnlyContext(final Map<String, Object> bindings, final Hashtable<Object, Object> environment)
    {
        this.bindings = Collections.unmodifiableMap(bindings);
        this.environment = environment;
    }

    @Override
    public Object lookup(final Name name) throws NamingException
    {
        return lookup(name.toString());
    }

    @Override
    public Object lookup(final String name) throws NamingException
    {
        if (name.isEmpty())
        {
            return this;
        }
        final Object bound = bindings.get(name);
        if (bound == null)
        {
            throw new NameNotFoundException("'" + name + "' is not bound; bound names are " + bindings.keySet());
        }
        return bound;
    }

    @Override
    public Object lookupLink(final Name name) throws NamingException
    {
        return lookup(name);
    }

    @Override
    public Object lookupLink(final String name) throws NamingException
    {
        return lookup(name);
    }

    @Override
    public NamingEnumeration<NameClassPair> list(final Name name) throws NamingException
    {
        return list(name.toString());
    }

    @Override
    public NamingEnumeration<NameClassPair> list(final String name) throws NamingException
    {
        requireRoot(name);
        final List<NameClassPair> pairs = new ArrayList<>();
        bindings.forEach((bound, value) -> pairs.add(new NameClassPair(bound, value.getClass().getName())));
        return new Listing<>(pairs);
    }

    @Override
    public NamingEnumeration<Binding> listBindings(final Name name) throws NamingException
    {
        return listBindings(name.toString());
    }

    @Override
    public NamingEnumeration<Binding> listBindings(final String name) throws NamingException
    {
        requireRoot(name);
        final List<Binding> list = new ArrayList<>();
        bindings.forEach((bound, value) -> list.add(new Binding(bound, value)));
        return new Listing<>(list);
    }

    private static void requireRoot(final String name) throws NamingException
    {
        if (!name.isEmpty())
        {
            throw new NameNotFoundException("the Quire naming context is flat: only '' can be listed, not '" + name + "'");
        }
    }

    @Override
    public NameParser getNameParser(final Name name)
    {
        return PARSER;
    }

    @Override
    public NameParser getNameParser(final String name)
    {
        return PARSER;
    }

    @Override
    public Name composeName(final Name name, final Name prefix) throws NamingException
    {
        return ((Name)prefix.clone()).addAll(name);
    }

    @Override
    public String composeName(final String name, final String prefix)
    {
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    @Override
    public Hashtable<?, ?> getEnvironment()
    {
        return new Hashtable<>(environment);
    }

    @Override
    public Object addToEnvironment(final String propName, final Object propVal)
    {
        return environment.put(propName, propVal);
    }

    @Override
    public Object removeFromEnvironment(final String propName)
    {
        return environment.remove(propName);
    }

    @Override
    public String getNameInNamespace()
    {
        return "";
    }

    @Override
    public void close()
    {
        // nothing to release: the bound factories open their brokers only when they connect
    }

    @Override
    public void bind(final Name name, final Object obj) throws NamingException
    {
        throw readOnly();
    }

    @Override
    public void bind(final String name, final Object obj) throws NamingException
    {
        throw readOnly();
    }

    @Override
    public void rebind(final Name name, final Object obj) throws NamingException
    {
        throw readOnly();
    }

    @Override
    public void rebind(final String name, final Object obj) throws NamingException
    {
        throw readOnly();
    }

    @Override
    public void unbind(final Name name) throws NamingException
    {
        throw readOnly();
    }

    @Override
    public void unbind(final String name) throws NamingException
    {
        throw readOnly();
    }

    @Override
    public void rename(final Name oldName, final Name newName) throws NamingException
    {
        throw readOnly();
    }

    @Override
    public void rename(final String oldName, final String newName) throws NamingException
    {
        throw readOnly();
    }

    @Override
    public void destroySubcontext(final Name name) throws NamingException
    {
        throw readOnly();
    }

    @Override
    public void destroySubcontext(final String name) throws NamingException
    {
        throw readOnly();
    }

    @Override
    public Context createSubcontext(final Name name) throws NamingException
    {
        throw readOnly();
    }

    @Override
    public Context createSubcontext(final String name) throws NamingException
    {
        throw readOnly();
    }

    private static OperationNotSupportedException readOnly()
    {
        return new OperationNotSupportedException("the Quire naming context is read-only: configure it in " +
            "jndi.properties or the InitialContext environment");
    }

    /**
     * A naming enumeration over a list.
     *
     * @param <T> the elements.
     */
    private static final class Listing<T> implements NamingEnumeration<T>
    {
        private final Iterator<T> iterator;

        Listing(final List<T> elements)
        {
            this.iterator = elements.iterator();
        }

        @Override
        public T next()
        {
            if (!iterator.hasNext())
            {
                throw new NoSuchElementException();
            }
            return iterator.next();
        }

        @Override
        public boolean hasMore()
        {
            return iterator.hasNext();
        }

        @Override
        public void close()
        {
            // nothing held
        }

        @Override
        public boolean hasMoreElements()
        {
            return iterator.hasNext();
        }

        @Override
        public T nextElement()
        {
            return next();
        }
    }
}
