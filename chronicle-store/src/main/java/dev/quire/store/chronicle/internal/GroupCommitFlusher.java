package dev.quire.store.chronicle.internal;

import dev.quire.store.DurabilityListener;
import dev.quire.store.Journal;
import dev.quire.store.StoreException;
import org.agrona.concurrent.Agent;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.LongToIntFunction;

/**
 * The agent that forces the journal to disk off the appending threads. Threads that need durability
 * post the position they wait for and sleep; each flush covers everything appended when it starts, so
 * all threads waiting at that moment share one {@code fdatasync} (group commit). With a periodic
 * interval it also flushes on its own (the {@code ASYNC} mode).
 * <p>
 * Before a requested flush it gathers: when the last flush served several requests, it waits for as many
 * to be posted again, for at most half as long as the last flush took. Writers that each wait for their
 * own record come back at slightly different moments after being woken; without gathering, the first
 * one back starts a flush alone and the others wait for a whole flush more. A lone writer is never
 * delayed: its flush served one request, so one is enough to start the next. Nor is a stream of
 * requests (more than {@value #MAX_GATHERED_REQUESTS} in the last flush, as from asynchronous sends):
 * the next batch builds up while a flush runs, and waiting would only hold it back. Nor are writers that
 * do not come back together (a transacted producer and consumer, each committing after its own hundred
 * messages): a gather that times out makes it skip the next ones, for longer after each further timeout.
 * <p>
 * A lone writer may also announce its request before it is made ({@link #expectRequest()}): when its record
 * is appended by another thread (the broker engine), the flusher has usually gone to sleep by the time the
 * request comes, and waking a sleeping thread costs tens of microseconds on a virtual machine. Announced,
 * the flusher spins for up to {@value #EXPECTED_REQUEST_NANOS} ns instead of sleeping, and starts the flush
 * the moment the request is posted. Announcements are ignored while flushes serve several requests: those
 * writers keep it busy anyway, and spinning would take a core from them. One that comes to nothing (a
 * persistent message that needed no record) silences the next ones until a flush serves a lone request.
 * <p>
 * After each flush, and whenever it has nothing to flush, it does one short step of side work: the journal
 * has it fault in the pages ahead of the appender ({@link AppendMappingAdvice}).
 * <p>
 * A failed flush is final: the page cache can no longer be trusted to hold what was written, so every
 * later wait fails with the same {@link StoreException}.
 */
public final class GroupCommitFlusher implements Agent
{
    private static final System.Logger LOG = System.getLogger(GroupCommitFlusher.class.getName());
    private static final long MAX_GATHER_NANOS = 500_000;
    private static final long MAX_GATHERED_REQUESTS = 16;
    private static final int MAX_GATHER_BACKOFF = 64;
    /** How long an announced request is spun for. */
    static final long EXPECTED_REQUEST_NANOS = 50_000;

    private final CycleFiles cycleFiles;
    private final LongToIntFunction cycleOf;
    private final long periodicIntervalNanos;
    private final LongSupplier nanoClock;
    private final long maxGatherNanos;
    private final IntSupplier sideWork;
    private final List<DurabilityListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushed = lock.newCondition();

    private volatile long appendedPosition = Journal.NO_POSITION;
    private final AtomicLong requestedPosition = new AtomicLong(Journal.NO_POSITION);
    private final AtomicLong requests = new AtomicLong();
    /** Written before {@link #requestsServed}, so that a thread reading that first sees both of one flush. */
    private volatile long expectedRequests = 1;
    private volatile long requestsServed;
    private long lastFlushNanos;
    private int skippedGathers;
    private int gatherBackoff = 1;
    private volatile boolean loneRequests;
    private volatile long expectedRequestDeadline;
    private boolean awaitingAnnounced;
    private volatile long durablePosition = Journal.NO_POSITION;
    private volatile StoreException failure;
    private volatile boolean closed;
    private volatile Thread agentThread;
    private long nextPeriodicFlushNanos;

    /**
     * @param cycleFiles            the files to force.
     * @param cycleOf               maps a position to its cycle.
     * @param periodicIntervalNanos flush on its own this often, or 0 to flush only on request.
     * @param sideWork              done after each flush and whenever there is nothing to flush, in one
     *                              short step; returns how much it did, 0 for nothing.
     */
    public GroupCommitFlusher(final CycleFiles cycleFiles, final LongToIntFunction cycleOf,
        final long periodicIntervalNanos, final IntSupplier sideWork)
    {
        this(cycleFiles, cycleOf, periodicIntervalNanos, sideWork, System::nanoTime, MAX_GATHER_NANOS);
    }

    /**
     * @param nanoClock      the clock flushes are timed and gathering ends by.
     * @param maxGatherNanos the longest it gathers requests before a flush.
     */
    GroupCommitFlusher(final CycleFiles cycleFiles, final LongToIntFunction cycleOf, final long periodicIntervalNanos,
        final IntSupplier sideWork, final LongSupplier nanoClock, final long maxGatherNanos)
    {
        this.cycleFiles = cycleFiles;
        this.cycleOf = cycleOf;
        this.periodicIntervalNanos = periodicIntervalNanos;
        this.sideWork = sideWork;
        this.nanoClock = nanoClock;
        this.maxGatherNanos = maxGatherNanos;
    }

    @Override
    public void onStart()
    {
        agentThread = Thread.currentThread();
        nextPeriodicFlushNanos = nanoClock.getAsLong() + periodicIntervalNanos;
    }

    @Override
    public int doWork()
    {
        if (failure != null)
        {
            return 0;
        }
        final boolean requested = requestedPosition.get() > durablePosition;
        final boolean periodic = periodicIntervalNanos > 0 && nanoClock.getAsLong() - nextPeriodicFlushNanos >= 0;
        if (appendedPosition <= durablePosition || !requested && !periodic)
        {
            final int work = sideWork.getAsInt();
            return work > 0 ? work : awaitExpectedRequest();
        }
        if (requested && gathers())
        {
            gatherOrSkip();
        }
        final long requestCount = requests.get();
        final long served = requestCount - requestsServed;
        expectedRequests = Math.max(1, served);
        loneRequests = served == 1;
        awaitingAnnounced = false;
        requestsServed = requestCount;
        final long start = nanoClock.getAsLong();
        flushTo(appendedPosition);
        lastFlushNanos = nanoClock.getAsLong() - start;
        nextPeriodicFlushNanos = nanoClock.getAsLong() + periodicIntervalNanos;
        return 1 + sideWork.getAsInt();
    }

    /**
     * @return 1 while an announced request is awaited, so that the agent spins rather than sleeps; else 0.
     *     An announcement whose request did not come in time (a persistent message that needed no record)
     *     makes it ignore the next ones until a flush serves a lone request again.
     */
    private int awaitExpectedRequest()
    {
        if (expectedRequestDeadline - nanoClock.getAsLong() > 0)
        {
            awaitingAnnounced = true;
            Thread.onSpinWait();
            return 1;
        }
        if (awaitingAnnounced)
        {
            awaitingAnnounced = false;
            loneRequests = false;
        }
        return 0;
    }

    /**
     * Gathers, unless a recent gather waited in vain: after one that timed out it skips the next 1, then
     * 2, 4... up to {@value #MAX_GATHER_BACKOFF} flushes, until one succeeds again.
     */
    private void gatherOrSkip()
    {
        if (gathered())
        {
            return;
        }
        if (skippedGathers > 0)
        {
            skippedGathers--;
        }
        else if (gatherRequests())
        {
            gatherBackoff = 1;
        }
        else
        {
            skippedGathers = gatherBackoff;
            gatherBackoff = Math.min(gatherBackoff * 2, MAX_GATHER_BACKOFF);
        }
    }

    /**
     * Waits until as many requests as the last flush served are posted, or half the last flush's time;
     * an interrupted thread stops waiting at once (rather than spin through {@code parkNanos}).
     *
     * @return true unless the time ran out.
     */
    private boolean gatherRequests()
    {
        final long deadline = nanoClock.getAsLong() + Math.min(lastFlushNanos / 2, maxGatherNanos);
        while (!gathered() && !closed && !Thread.currentThread().isInterrupted())
        {
            final long remaining = deadline - nanoClock.getAsLong();
            if (remaining <= 0)
            {
                return false;
            }
            LockSupport.parkNanos(this, remaining);
        }
        return true;
    }

    /**
     * @return true when the next flush waits for as many requests as the last one served; false for a
     *     stream of requests, which builds up during a flush anyway.
     */
    private boolean gathers()
    {
        return expectedRequests <= MAX_GATHERED_REQUESTS;
    }

    /**
     * @return true when as many requests as the last flush served have been posted since it started.
     */
    private boolean gathered()
    {
        return requests.get() - requestsServed >= expectedRequests;
    }

    @Override
    public void onClose()
    {
        agentThread = null;
    }

    @Override
    public String roleName()
    {
        return "quire-journal-flusher";
    }

    /**
     * Tells the flusher that everything up to {@code position} has been appended. Called by the
     * appending thread, in position order.
     *
     * @param position the position of the record just appended.
     */
    public void appended(final long position)
    {
        appendedPosition = position;
    }

    /**
     * @return the highest position known to be on disk.
     */
    public long durablePosition()
    {
        return durablePosition;
    }

    /**
     * @param listener told after each flush.
     */
    public void addListener(final DurabilityListener listener)
    {
        listeners.add(listener);
    }

    /**
     * Waits until {@code position} is on disk, asking for a flush if none is coming.
     *
     * @param position the position to wait for.
     * @throws StoreException of kind IO when a flush failed, CLOSED when the journal closed first.
     */
    public void awaitFlushed(final long position)
    {
        if (durablePosition >= position)
        {
            return;
        }
        requestFlush(position);
        lock.lock();
        try
        {
            while (durablePosition < position)
            {
                throwIfFailedOrClosed();
                flushed.await();
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new StoreException(StoreException.Kind.IO, "interrupted while waiting for position " + position +
                " to reach the disk; it may or may not be durable", ex);
        }
        finally
        {
            lock.unlock();
        }
    }

    /**
     * Flushes everything appended so far on the calling thread; used when the flusher has stopped.
     */
    public void flushNow()
    {
        final long target = appendedPosition;
        if (target > durablePosition && failure == null)
        {
            flushTo(target);
        }
        throwIfFailed();
    }

    /**
     * Makes every later wait fail with CLOSED instead of waiting for a flush that will not come.
     */
    public void markClosed()
    {
        closed = true;
        signalWaiters();
    }

    /**
     * Announces that a lone writer's flush request is about to come (see the class comment); a hint, which
     * any thread may give, ignored while flushes serve several requests.
     */
    public void expectRequest()
    {
        if (!loneRequests)
        {
            return;
        }
        final long now = nanoClock.getAsLong();
        if (expectedRequestDeadline - now > EXPECTED_REQUEST_NANOS / 2)
        {
            return;
        }
        expectedRequestDeadline = now + EXPECTED_REQUEST_NANOS;
        wakeAgent();
    }

    /**
     * Asks for a flush covering {@code position} without waiting for it. Only the first request since the
     * last flush began and the one that completes a gather wake the agent: the others would wake it only
     * for it to find the gather incomplete and sleep again, each time taking a core from the writers it
     * waits for. Once awake, the agent looks for requests again after every flush before it sleeps.
     *
     * @param position the position that must reach the disk.
     */
    public void requestFlush(final long position)
    {
        if (requestedPosition.getAndAccumulate(position, Math::max) >= position)
        {
            return;
        }
        final long count = requests.incrementAndGet();
        final long served = requestsServed;
        if (count == served + 1 || gathers() && count == served + expectedRequests)
        {
            wakeAgent();
        }
    }

    private void wakeAgent()
    {
        final Thread thread = agentThread;
        if (thread != null)
        {
            LockSupport.unpark(thread);
        }
    }

    private void flushTo(final long target)
    {
        final long from = durablePosition;
        try
        {
            cycleFiles.force(cycleOf.applyAsInt(from == Journal.NO_POSITION ? target : from), cycleOf.applyAsInt(target));
            durablePosition = target;
        }
        catch (final IOException | RuntimeException ex)
        {
            failure = new StoreException(StoreException.Kind.IO,
                "forcing the journal to disk failed; nothing after position " + from + " can be promised durable: " + ex, ex);
        }
        final StoreException failed = failure;
        for (final DurabilityListener listener : listeners)
        {
            notify(listener, target, failed);
        }
        signalWaiters();
    }

    private static void notify(final DurabilityListener listener, final long target, final StoreException failed)
    {
        try
        {
            if (failed == null)
            {
                listener.onDurable(target);
            }
            else
            {
                listener.onFailure(failed);
            }
        }
        catch (final RuntimeException ex)
        {
            LOG.log(System.Logger.Level.ERROR, "durability listener " + listener + " failed", ex);
        }
    }

    private void signalWaiters()
    {
        lock.lock();
        try
        {
            flushed.signalAll();
        }
        finally
        {
            lock.unlock();
        }
    }

    private void throwIfFailedOrClosed()
    {
        throwIfFailed();
        if (closed)
        {
            throw new StoreException(StoreException.Kind.CLOSED, "the journal closed before the record reached the disk");
        }
    }

    private void throwIfFailed()
    {
        final StoreException failed = failure;
        if (failed != null)
        {
            throw new StoreException(failed.kind(), failed.getMessage(), failed);
        }
    }
}
