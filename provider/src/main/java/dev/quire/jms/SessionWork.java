package dev.quire.jms;

import dev.quire.engine.Broker;
import dev.quire.engine.Delivery;
import dev.quire.jms.message.Acknowledger;
import dev.quire.jms.message.StoredMessages;
import dev.quire.store.record.DeliveryFailure;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TransactionRolledBackException;

import org.agrona.collections.LongArrayList;

/**
 * A session's unit of work: the deliveries the application has been given and not yet acknowledged,
 * and the transaction the session sends and acknowledges in (its local transaction, or the XA branch it
 * is associated with). It acknowledges as the session's mode says: at once (auto, dups-ok), on
 * {@link Message#acknowledge()} (client), or with the transaction.
 */
final class SessionWork
{
    private final QuireSession session;
    private final Broker broker;
    private final long sessionId;
    private final int acknowledgeMode;
    private final boolean xa;
    private final LongArrayList consumed = new LongArrayList();
    private volatile long transactionId;
    private volatile long xaTransactionId;

    /**
     * @param xa true for an XA session: transacted by the branch it is associated with, acknowledging
     *           automatically while it is associated with none.
     */
    SessionWork(final QuireSession session, final Broker broker, final long sessionId, final int acknowledgeMode,
        final boolean xa)
    {
        this.session = session;
        this.broker = broker;
        this.sessionId = sessionId;
        this.acknowledgeMode = acknowledgeMode;
        this.xa = xa;
        this.transactionId = acknowledgeMode == Session.SESSION_TRANSACTED ? broker.beginTransaction() : 0;
    }

    /**
     * @return the transaction sends and acknowledgements belong to now, or 0 for none.
     */
    long transactionId()
    {
        return xa ? xaTransactionId : transactionId;
    }

    /**
     * Associates the session with an XA branch: its sends and acknowledgements belong to the branch.
     */
    void associate(final long branchTransactionId)
    {
        xaTransactionId = branchTransactionId;
    }

    /**
     * Ends the association: the messages consumed so far are acknowledged inside the branch.
     */
    void dissociate() throws JMSException
    {
        final long branch = xaTransactionId;
        final long[] tags = takeConsumed();
        try
        {
            if (tags.length > 0)
            {
                broker.acknowledge(sessionId, branch, tags);
            }
        }
        catch (final RuntimeException ex)
        {
            throw JmsExceptions.of(ex);
        }
        finally
        {
            xaTransactionId = 0;
        }
    }

    /**
     * Commits the local transaction and begins the next one.
     *
     * @throws TransactionRolledBackException when the commit failed; the transaction was rolled back.
     */
    void commit() throws JMSException
    {
        final long[] tags = takeConsumed();
        try
        {
            broker.commit(sessionId, transactionId, tags).join();
        }
        catch (final RuntimeException ex)
        {
            final JMSException cause = JmsExceptions.of(ex);
            final TransactionRolledBackException rolledBack = new TransactionRolledBackException(
                "the transaction could not commit and was rolled back: " + cause.getMessage());
            rolledBack.setLinkedException(cause);
            rollbackQuietly();
            throw rolledBack;
        }
        finally
        {
            transactionId = broker.beginTransaction();
        }
    }

    /**
     * Rolls back the local transaction (what was consumed in it comes back, in order) and begins the next one.
     */
    void rollback() throws JMSException
    {
        try
        {
            broker.rollback(sessionId, transactionId, takeConsumed());
            transactionId = broker.beginTransaction();
        }
        catch (final RuntimeException ex)
        {
            throw JmsExceptions.of(ex);
        }
    }

    /**
     * Rolls back the local transaction of a closing session, if it has one.
     */
    void rollbackOnClose()
    {
        if (acknowledgeMode == Session.SESSION_TRANSACTED)
        {
            broker.rollback(transactionId);
        }
    }

    private void rollbackQuietly()
    {
        try
        {
            broker.rollback(transactionId);
        }
        catch (final RuntimeException ignored)
        {
            // the commit failure being reported is what matters; the engine has dropped the transaction
        }
    }

    /**
     * Redelivers everything delivered to the session and not acknowledged (JMS {@code recover()}).
     */
    void recover() throws JMSException
    {
        takeConsumed();
        try
        {
            broker.recover(sessionId);
        }
        catch (final RuntimeException ex)
        {
            throw JmsExceptions.of(ex);
        }
    }

    private long[] takeConsumed()
    {
        synchronized (consumed)
        {
            final long[] tags = consumed.toLongArray();
            consumed.clear();
            return tags;
        }
    }

    /**
     * Turns a delivery the application is about to see into its message and remembers it as consumed.
     */
    Message consume(final Delivery delivery, final Destination destination) throws JMSException
    {
        final Message message = StoredMessages.toReceived(delivery.message(), destination,
            delivery.deliveryCount(), delivery.redelivered(),
            acknowledgeMode == Session.CLIENT_ACKNOWLEDGE ? this::acknowledgeConsumed : Acknowledger.NONE);
        synchronized (consumed)
        {
            consumed.addLong(delivery.deliveryTag());
        }
        return message;
    }

    /**
     * The application has a delivered message: the consumer gets its credit back and, in the modes that
     * acknowledge each message, the message is acknowledged — one queued command, the engine is not
     * waited for. Like other brokers' auto-acknowledge, a process crash right after the message was
     * handed over can bring it back, marked redelivered.
     *
     * @param consumerId the consumer that delivered it.
     */
    void afterConsumed(final long consumerId)
    {
        if (acknowledgesEachMessage())
        {
            broker.acknowledgeLater(sessionId, consumerId, takeConsumed());
        }
        else
        {
            broker.addCredit(consumerId, 1);
        }
    }

    /**
     * @return true in the modes that acknowledge each message as it is consumed (auto, dups-ok), unless an
     * XA session is associated with a branch, which acknowledges at its end.
     */
    private boolean acknowledgesEachMessage()
    {
        return (acknowledgeMode == Session.AUTO_ACKNOWLEDGE || acknowledgeMode == Session.DUPS_OK_ACKNOWLEDGE) &&
            !(xa && xaTransactionId != 0);
    }

    /**
     * Acknowledges everything consumed in the session so far (client acknowledgement).
     *
     * @throws JMSException when the session is closed or the acknowledgement fails.
     */
    void acknowledgeConsumed() throws JMSException
    {
        session.checkOpen();
        final long[] tags = takeConsumed();
        if (tags.length > 0)
        {
            try
            {
                broker.acknowledge(sessionId, 0, tags);
            }
            catch (final RuntimeException ex)
            {
                throw JmsExceptions.of(ex);
            }
        }
    }

    /**
     * A listener threw: in the modes that acknowledge each message, the message comes back under its
     * destination's redelivery policy, with the failure in its history.
     */
    void listenerFailed(final Delivery delivery, final Throwable failure)
    {
        if (!acknowledgesEachMessage())
        {
            return;
        }
        synchronized (consumed)
        {
            consumed.removeLong(delivery.deliveryTag());
        }
        broker.fail(sessionId, delivery.deliveryTag(),
            new DeliveryFailure(failure.getClass().getName(), failure.getMessage()));
    }
}
