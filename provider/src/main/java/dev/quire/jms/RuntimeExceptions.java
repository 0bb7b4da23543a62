package dev.quire.jms;

import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotWriteableRuntimeException;
import jakarta.jms.ResourceAllocationRuntimeException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.TransactionRolledBackRuntimeException;

/**
 * Maps each checked {@link JMSException} onto the unchecked exception the simplified API names for it.
 */
final class RuntimeExceptions
{
    private RuntimeExceptions()
    {
    }

    static JMSRuntimeException of(final JMSException exception)
    {
        final String message = exception.getMessage();
        final String code = exception.getErrorCode();
        if (exception instanceof jakarta.jms.IllegalStateException)
        {
            return new IllegalStateRuntimeException(message, code, exception);
        }
        if (exception instanceof jakarta.jms.InvalidClientIDException)
        {
            return new InvalidClientIDRuntimeException(message, code, exception);
        }
        if (exception instanceof jakarta.jms.InvalidDestinationException)
        {
            return new InvalidDestinationRuntimeException(message, code, exception);
        }
        if (exception instanceof jakarta.jms.InvalidSelectorException)
        {
            return new InvalidSelectorRuntimeException(message, code, exception);
        }
        if (exception instanceof jakarta.jms.JMSSecurityException)
        {
            return new JMSSecurityRuntimeException(message, code, exception);
        }
        if (exception instanceof jakarta.jms.MessageFormatException)
        {
            return new MessageFormatRuntimeException(message, code, exception);
        }
        if (exception instanceof jakarta.jms.MessageNotWriteableException)
        {
            return new MessageNotWriteableRuntimeException(message, code, exception);
        }
        if (exception instanceof jakarta.jms.ResourceAllocationException)
        {
            return new ResourceAllocationRuntimeException(message, code, exception);
        }
        if (exception instanceof jakarta.jms.TransactionInProgressException)
        {
            return new TransactionInProgressRuntimeException(message, code, exception);
        }
        if (exception instanceof jakarta.jms.TransactionRolledBackException)
        {
            return new TransactionRolledBackRuntimeException(message, code, exception);
        }
        return new JMSRuntimeException(message, code, exception);
    }
}
