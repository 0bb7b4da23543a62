package dev.quire.jms;

import java.nio.file.Path;

/**
 * The process the XA crash test kills: it begins a transaction over Quire and the database, and the
 * resource enlisted first halts the JVM when the transaction manager starts committing, after every
 * resource prepared.
 */
public final class XaCrashChild
{
    private XaCrashChild()
    {
    }

    /**
     * @param args the transaction log directory, the Quire data directory and the database file.
     * @throws Exception when the setup fails.
     */
    public static void main(final String[] args) throws Exception
    {
        System.setProperty(CrashingResource.CRASH_PROPERTY, "true");
        final XaWork work = new XaWork(Path.of(args[1]), Path.of(args[2]));
        work.pay(Narayana.configure(Path.of(args[0])), 42, new CrashingResource(), true);
        System.out.println("COMMITTED WITHOUT CRASHING");
    }
}
