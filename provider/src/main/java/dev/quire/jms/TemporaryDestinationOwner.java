package dev.quire.jms;

import jakarta.jms.JMSException;

/**
 * The connection that created a temporary destination, which alone may consume from it and deletes it.
 */
public interface TemporaryDestinationOwner
{
    /**
     * Deletes the temporary destination.
     *
     * @param destination the destination.
     * @throws JMSException when it is in use.
     */
    void deleteTemporary(QuireDestination destination) throws JMSException;
}
