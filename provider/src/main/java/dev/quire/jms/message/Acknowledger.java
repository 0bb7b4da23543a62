package dev.quire.jms.message;

import jakarta.jms.JMSException;

/**
 * What {@link jakarta.jms.Message#acknowledge()} does for a received message: in a client-acknowledge
 * session, acknowledge everything the session has consumed; elsewhere, nothing.
 */
@FunctionalInterface
public interface Acknowledger
{
    /** For messages not received in a client-acknowledge session. */
    Acknowledger NONE = () -> { };

    /**
     * @throws JMSException when the session is closed or the acknowledgement fails.
     */
    void acknowledge() throws JMSException;
}
