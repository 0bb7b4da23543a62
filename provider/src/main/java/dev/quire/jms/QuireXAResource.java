package dev.quire.jms;

import jakarta.jms.JMSException;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.util.List;

/**
 * The XA resource of an XA session: associates the session with branches of the engine's XA and passes
 * the two-phase commit through. Two resources are the same resource manager when they share a data
 * directory (the journal's id).
 */
final class QuireXAResource implements XAResource
{
    private final QuireSession session;

    QuireXAResource(final QuireSession session)
    {
        this.session = session;
    }

    @Override
    public void start(final Xid xid, final int flags) throws XAException
    {
        session.work().associate(session.broker().xaStart(QuireXid.valueOf(requireXid(xid)), flags));
    }

    @Override
    public void end(final Xid xid, final int flags) throws XAException
    {
        try
        {
            session.work().dissociate();
        }
        catch (final JMSException ex)
        {
            throw failure(XAException.XAER_RMERR, ex);
        }
        session.broker().xaEnd(QuireXid.valueOf(requireXid(xid)), flags);
    }

    @Override
    public int prepare(final Xid xid) throws XAException
    {
        return session.broker().xaPrepare(QuireXid.valueOf(requireXid(xid)));
    }

    @Override
    public void commit(final Xid xid, final boolean onePhase) throws XAException
    {
        session.broker().xaCommit(QuireXid.valueOf(requireXid(xid)), onePhase);
    }

    @Override
    public void rollback(final Xid xid) throws XAException
    {
        session.broker().xaRollback(QuireXid.valueOf(requireXid(xid)));
    }

    @Override
    public void forget(final Xid xid) throws XAException
    {
        session.broker().xaForget(QuireXid.valueOf(requireXid(xid)));
    }

    @Override
    public Xid[] recover(final int flag) throws XAException
    {
        if ((flag & XAResource.TMSTARTRSCAN) == 0 && flag != XAResource.TMNOFLAGS)
        {
            return new Xid[0];
        }
        final List<dev.quire.store.record.XidValue> prepared = session.broker().xaRecover();
        return prepared.stream().map(QuireXid::new).toArray(Xid[]::new);
    }

    @Override
    public boolean isSameRM(final XAResource other)
    {
        return other instanceof QuireXAResource that &&
            that.session.broker().journalId().equals(session.broker().journalId());
    }

    @Override
    public int getTransactionTimeout()
    {
        return 0;
    }

    @Override
    public boolean setTransactionTimeout(final int seconds)
    {
        return false;
    }

    private static Xid requireXid(final Xid xid) throws XAException
    {
        if (xid == null)
        {
            throw failure(XAException.XAER_INVAL, new IllegalArgumentException("the xid must not be null"));
        }
        return xid;
    }

    private static XAException failure(final int code, final Exception cause)
    {
        final XAException exception = new XAException(cause.getMessage());
        exception.errorCode = code;
        exception.initCause(cause);
        return exception;
    }
}
