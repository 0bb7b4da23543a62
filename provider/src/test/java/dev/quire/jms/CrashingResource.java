package dev.quire.jms;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.io.Serializable;

/**
 * An XA resource that stops the JVM dead when told to commit, if this JVM is the one meant to crash:
 * enlisted first, it makes the transaction manager crash after every resource prepared and the decision
 * to commit was logged, but before the real resources committed. Serializable, so the transaction log
 * keeps it and recovery in another JVM gets a harmless copy.
 */
final class CrashingResource implements XAResource, Serializable
{
    static final String CRASH_PROPERTY = "quire.test.crash";
    private static final long serialVersionUID = 1L;

    @Override
    public void commit(final Xid xid, final boolean onePhase)
    {
        if (Boolean.getBoolean(CRASH_PROPERTY))
        {
            System.out.println("CRASHING");
            System.out.flush();
            Runtime.getRuntime().halt(1);
        }
    }

    @Override
    public void end(final Xid xid, final int flags)
    {
        // nothing to end
    }

    @Override
    public void forget(final Xid xid)
    {
        // nothing to forget
    }

    @Override
    public int getTransactionTimeout()
    {
        return 0;
    }

    @Override
    public boolean isSameRM(final XAResource other)
    {
        return other == this;
    }

    @Override
    public int prepare(final Xid xid)
    {
        return XA_OK;
    }

    @Override
    public Xid[] recover(final int flag)
    {
        return new Xid[0];
    }

    @Override
    public void rollback(final Xid xid)
    {
        // nothing to undo
    }

    @Override
    public boolean setTransactionTimeout(final int seconds)
    {
        return false;
    }

    @Override
    public void start(final Xid xid, final int flags)
    {
        // nothing to start
    }
}
