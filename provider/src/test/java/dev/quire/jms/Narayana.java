package dev.quire.jms;

import com.arjuna.ats.arjuna.common.CoreEnvironmentBeanException;
import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.arjuna.recovery.RecoveryManager;
import com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule;
import com.arjuna.ats.jta.common.jtaPropertyManager;
import com.arjuna.ats.jta.recovery.XAResourceRecoveryHelper;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import jakarta.transaction.TransactionManager;

import javax.transaction.xa.XAResource;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Narayana transaction manager set up for tests, standalone: its log in a directory the test owns,
 * one fixed node id so that a recovery run in another process finds the transactions of a crashed one.
 */
final class Narayana
{
    private static final String NODE = "quire-test";

    private Narayana()
    {
    }

    /**
     * Configures Narayana for this JVM; call once, before the first transaction.
     *
     * @param objectStore where the transaction log lives.
     * @return the transaction manager.
     */
    static TransactionManager configure(final Path objectStore)
    {
        for (final String store : List.of("default", "communicationStore", "stateStore"))
        {
            final ObjectStoreEnvironmentBean bean = "default".equals(store) ?
                BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class) :
                BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, store);
            bean.setObjectStoreDir(objectStore.toString());
        }
        try
        {
            arjPropertyManager.getCoreEnvironmentBean().setNodeIdentifier(NODE);
        }
        catch (final CoreEnvironmentBeanException ex)
        {
            throw new IllegalStateException(ex);
        }
        jtaPropertyManager.getJTAEnvironmentBean().setXaRecoveryNodes(List.of(NODE));
        return com.arjuna.ats.jta.TransactionManager.transactionManager();
    }

    /**
     * Runs the recovery a restarted transaction manager would run, with the resources given.
     *
     * @param resources makes the XA resources of the resource managers to recover.
     */
    static void recover(final Supplier<XAResource[]> resources)
    {
        final RecoveryManager manager = RecoveryManager.manager(RecoveryManager.DIRECT_MANAGEMENT);
        final XAResourceRecoveryHelper helper = new XAResourceRecoveryHelper()
        {
            @Override
            public boolean initialise(final String parameter)
            {
                return true;
            }

            @Override
            public XAResource[] getXAResources()
            {
                return resources.get();
            }
        };
        final XARecoveryModule module = XARecoveryModule.getRegisteredXARecoveryModule();
        module.addXAResourceRecoveryHelper(helper);
        try
        {
            manager.scan();
            manager.scan();
        }
        finally
        {
            module.removeXAResourceRecoveryHelper(helper);
        }
    }
}
