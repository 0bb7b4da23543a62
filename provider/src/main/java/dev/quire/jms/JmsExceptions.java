package dev.quire.jms;

import dev.quire.engine.BrokerException;
import dev.quire.store.StoreException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.ResourceAllocationException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place where failures of the engine and the store become the {@link JMSException} subclass the
 * specification names.
 */
public final class JmsExceptions
{
    private JmsExceptions()
    {
    }

    /**
     * @param failure what went wrong below the JMS layer.
     * @return the JMS exception for it, with the failure linked.
     */
    public static JMSException of(final Throwable failure)
    {
        final Throwable cause = unwrap(failure);
        if (cause instanceof JMSException jms)
        {
            return jms;
        }
        final JMSException exception = translate(cause);
        exception.setLinkedException(cause instanceof Exception ex ? ex : new RuntimeException(cause));
        exception.initCause(cause);
        return exception;
    }

    /**
     * The exceptions {@code Session.unsubscribe} names: {@link InvalidDestinationException} for an unknown
     * subscription, a plain {@link JMSException} for any other failure (such as an active consumer).
     *
     * @param failure what went wrong below the JMS layer.
     * @return the JMS exception for it, with the failure linked.
     */
    public static JMSException ofUnsubscribe(final Throwable failure)
    {
        final JMSException mapped = of(failure);
        if (mapped instanceof InvalidDestinationException || mapped.getClass() == JMSException.class)
        {
            return mapped;
        }
        final JMSException plain = new JMSException(mapped.getMessage(), mapped.getErrorCode());
        plain.setLinkedException(mapped.getLinkedException());
        plain.initCause(mapped);
        return plain;
    }

    /**
     * @param failure what went wrong.
     * @return the unchecked form the simplified API throws.
     */
    public static JMSRuntimeException runtime(final Throwable failure)
    {
        return RuntimeExceptions.of(of(failure));
    }

    private static JMSException translate(final Throwable cause)
    {
        if (cause instanceof BrokerException broker)
        {
            return switch (broker.reason())
            {
                case CLOSED, UNKNOWN_ID, ILLEGAL_STATE, SUBSCRIPTION_IN_USE -> new jakarta.jms.IllegalStateException(broker.getMessage());
                case INVALID_DESTINATION -> new InvalidDestinationException(broker.getMessage());
                case OVERLOADED -> new ResourceAllocationException(broker.getMessage());
            };
        }
        if (cause instanceof StoreException store)
        {
            return switch (store.kind())
            {
                case FULL -> new ResourceAllocationException(store.getMessage());
                case CLOSED -> new jakarta.jms.IllegalStateException(store.getMessage());
                case IO, CORRUPT, LOCKED, VERSION -> new JMSException(store.getMessage(), store.kind().name());
            };
        }
        return new JMSException(String.valueOf(cause.getMessage() != null ? cause.getMessage() : cause));
    }

    private static Throwable unwrap(final Throwable failure)
    {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null)
        {
            cause = cause.getCause();
        }
        return cause;
    }
}
