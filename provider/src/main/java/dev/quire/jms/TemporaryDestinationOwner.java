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

    /**
     * Deletes a temporary destination through the connection that created it.
     *
     * @param owner       that connection, or null when the destination is a copy rebuilt from a header.
     * @param destination the destination.
     * @throws JMSException when it is in use, or {@code IllegalStateException} when the owner is not known here.
     */
    static void delete(final TemporaryDestinationOwner owner, final QuireDestination destination) throws JMSException
    {
        if (owner == null)
        {
            throw new jakarta.jms.IllegalStateException("only the connection that created " + destination +
                " can delete it");
        }
        owner.deleteTemporary(destination);
    }
}
