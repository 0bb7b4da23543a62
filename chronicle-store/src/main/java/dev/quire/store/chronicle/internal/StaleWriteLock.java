package dev.quire.store.chronicle.internal;

import dev.quire.store.StoreException;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.TableStoreWriteLock;
import net.openhft.chronicle.queue.impl.single.WriteLock;

import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Releases a Chronicle Queue write lock left behind by a process that died while appending. Chronicle
 * would otherwise wait for its timeout before breaking the lock, or refuse when the dead process's pid
 * has been reused. Safe only because the caller holds the {@link DirectoryLock}: no other process can be
 * writing, so any holder other than this process is stale.
 */
public final class StaleWriteLock
{
    private StaleWriteLock()
    {
    }

    /**
     * @param queue the queue just opened by the directory's owner.
     * @return the pid of the process whose stale lock was released, or -1 when the lock was free.
     */
    public static long release(final SingleChronicleQueue queue)
    {
        final WriteLock writeLock = writeLockOf(queue);
        final AtomicLong holder = new AtomicLong(-1);
        if (writeLock instanceof TableStoreWriteLock tableLock && tableLock.locked() &&
            !tableLock.isLockedByCurrentProcess(holder::set))
        {
            tableLock.forceUnlock();
            return holder.get();
        }
        return -1;
    }

    private static WriteLock writeLockOf(final SingleChronicleQueue queue)
    {
        try
        {
            final Method method = SingleChronicleQueue.class.getDeclaredMethod("writeLock");
            method.setAccessible(true);
            return (WriteLock)method.invoke(queue);
        }
        catch (final ReflectiveOperationException | RuntimeException ex)
        {
            throw new StoreException(StoreException.Kind.IO,
                "cannot inspect the Chronicle Queue write lock (incompatible chronicle-queue version?): " + ex, ex);
        }
    }
}
