package dev.quire.store.chronicle.internal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.core.io.ReferenceOwner;
import net.openhft.posix.MAdviseFlag;
import net.openhft.posix.PosixAPI;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Turns readahead off ({@code madvise(MADV_RANDOM)}) for each memory-mapped chunk of a cycle file the
 * journal appends through, and has the pages just ahead of the appender faulted in writable
 * ({@code madvise(MADV_POPULATE_WRITE)}) by another thread.
 * <p>
 * Linux caches a file in folios, and readahead for a page fault on a mapping makes them ever larger as
 * the faults move along the file, up to 2 MiB. A store through a mapping marks its whole folio dirty, so
 * each {@code fdatasync} wrote whole folios back: 1.7 MB per 10 KiB record was measured deep into a
 * cycle file (ext4, kernel 6.18, {@code read_ahead_kb} 8192), at less than half the rate of the same
 * appends with this advice, which writes back about the pages the records changed. The faults of an
 * appender are on pages nobody has read, so readahead never helps there. Readers share the chunk's
 * mapping while it stays mapped; they read what was just written, which is in the cache already.
 * <p>
 * The first store to each new page of a sparse cycle file faults: the kernel allocates the page, reserves
 * its block, and may wait for a flush that holds the file's block map; and each flush then allocates the
 * blocks of the pages it writes. After each append the appender posts the next 256 KiB past its end once
 * it comes within half of that of the last range posted; the flusher thread populates it between
 * flushes, 64 KiB at a time ({@link #populatePosted()}), holding a reference to the chunk so that it stays
 * mapped. That changes no byte, so it needs no lock and costs no record anything, and it takes the faults
 * off the appending thread; the populated pages are dirty, so the next flush writes them (and allocates
 * their blocks) in one go, and the flushes after it only write records. Measured in alternating runs:
 * W8 (four synchronous senders) +40–55 %, W1 +15–20 %, W3 +35 %.
 * <p>
 * Where the platform has no {@code madvise} (no native POSIX access) or no {@code MADV_POPULATE_WRITE}
 * (Linux before 5.14), nothing changes but the speed; the same until the binding is made, shortly after
 * the first journal opens.
 */
public final class AppendMappingAdvice implements ReferenceOwner
{
    private static final System.Logger LOG = System.getLogger(AppendMappingAdvice.class.getName());
    /** How far past the appender's end pages are populated. */
    static final long POPULATE_AHEAD_BYTES = 256 * 1024;
    /** How much of a posted range one {@link #populatePosted()} faults in. */
    static final long POPULATE_STEP_BYTES = 64 * 1024;
    private static final long PAGE = 4096;
    /** Binding the native call takes about 250 ms, so it is done once per JVM, off the appending thread. */
    private static final CompletableFuture<Optional<Advisor>> PLATFORM = CompletableFuture.supplyAsync(
        PosixAdvisor::create, runnable ->
        {
            final Thread thread = new Thread(runnable, "quire-madvise-binding");
            thread.setDaemon(true);
            thread.start();
        });

    /** Gives the advisor, none where the platform has no madvise, or null while it is being bound. */
    private final Supplier<Optional<Advisor>> advisor;
    private final AtomicReference<PopulateRange> posted = new AtomicReference<>();
    private BytesStore<?, ?> advised;
    private long postedTo;
    private long populateAfter;
    private boolean warned;
    private volatile boolean populateFailed;

    /**
     * Gives the advice with the platform's {@code madvise} once it is bound, or never where it has none.
     */
    public AppendMappingAdvice()
    {
        this(() -> PLATFORM.getNow(null));
    }

    /**
     * @param advisor gives the advice for a mapped range; null to give none.
     */
    AppendMappingAdvice(final Advisor advisor)
    {
        this(() -> Optional.ofNullable(advisor));
    }

    private AppendMappingAdvice(final Supplier<Optional<Advisor>> advisor)
    {
        this.advisor = advisor;
    }

    /**
     * Waits for the platform's {@code madvise} to be bound.
     *
     * @return true when it has one.
     */
    static boolean platformHasMadvise()
    {
        return PLATFORM.join().isPresent();
    }

    /**
     * Advises the chunk {@code bytes} now writes to, the first time it writes there once the advisor is
     * ready, and posts the range ahead to populate when the appender came close to the last one posted.
     * Called by the appending thread after each append of a record written through the mapping; never
     * throws.
     *
     * @param bytes the bytes the record was written through.
     */
    public void wroteThrough(final Bytes<?> bytes)
    {
        appended(bytes, false);
    }

    /**
     * As {@link #wroteThrough(Bytes)}, for a record written beside the mapping ({@link LargeRecordWriter}):
     * drops the range posted and not yet populated, and posts none until the appender has written another
     * {@value #POPULATE_AHEAD_BYTES} bytes through the mapping alone. Populated pages have page-table
     * entries, which cost the flush of a large record written into them what writing it beside the mapping
     * saves.
     *
     * @param bytes the bytes the record's header was written through, positioned after the record.
     */
    public void wroteBeside(final Bytes<?> bytes)
    {
        appended(bytes, true);
    }

    private void appended(final Bytes<?> bytes, final boolean beside)
    {
        final long end = bytes.writePosition();
        if (beside)
        {
            populateAfter = end + POPULATE_AHEAD_BYTES;
            posted.set(null);
        }
        final BytesStore<?, ?> store = bytes.bytesStore();
        if (store == advised)
        {
            if (end >= populateAfter)
            {
                postAhead(end);
            }
            return;
        }
        final Optional<Advisor> ready = advisor.get();
        if (ready == null)
        {
            return;
        }
        advised = store;
        postedTo = 0;
        if (!beside)
        {
            populateAfter = 0;
        }
        if (ready.isPresent() && store instanceof MappedBytesStore)
        {
            advise(ready.get(), (MappedBytesStore) store);
        }
    }

    /**
     * Populates the next {@value #POPULATE_STEP_BYTES} bytes of the range the appender posted last, if any;
     * called by the flusher thread between flushes, in steps short enough not to hold a flush up for long.
     *
     * @return 1 when it populated a step, else 0.
     */
    public int populatePosted()
    {
        final PopulateRange range = posted.get();
        if (range == null || populateFailed)
        {
            return 0;
        }
        final long to = Math.min(range.to, range.from + POPULATE_STEP_BYTES);
        final PopulateRange rest = to < range.to ? new PopulateRange(range.chunk, to, range.to) : null;
        if (!posted.compareAndSet(range, rest))
        {
            return 0;
        }
        final Optional<Advisor> ready = advisor.get();
        if (ready == null || ready.isEmpty() || !reserve(range.chunk))
        {
            return 0;
        }
        try
        {
            final int result = ready.get().populateWrite(range.chunk.addressForRead(range.from), to - range.from);
            if (result != 0 && !populateFailed)
            {
                populateFailed = true;
                LOG.log(System.Logger.Level.INFO, "madvise(MADV_POPULATE_WRITE) of the journal's mapping failed with " +
                    result + " (it needs Linux 5.14); the appending thread takes the page faults itself");
            }
        }
        finally
        {
            range.chunk.release(this);
        }
        return 1;
    }

    private boolean reserve(final MappedBytesStore chunk)
    {
        try
        {
            return chunk.tryReserve(this);
        }
        catch (final RuntimeException ex)
        {
            return false;
        }
    }

    private void postAhead(final long end)
    {
        if (populateFailed || end + POPULATE_AHEAD_BYTES / 2 < postedTo || !(advised instanceof MappedBytesStore))
        {
            return;
        }
        final MappedBytesStore chunk = (MappedBytesStore) advised;
        final long from = Math.max(postedTo, (end | (PAGE - 1)) + 1);
        final long to = Math.min(from + POPULATE_AHEAD_BYTES, chunk.capacity() & -PAGE);
        if (to > from)
        {
            posted.set(new PopulateRange(chunk, from, to));
            postedTo = to;
        }
    }

    private void advise(final Advisor platform, final MappedBytesStore chunk)
    {
        final long address = chunk.addressForRead(chunk.start());
        final long length = chunk.capacity() - chunk.start();
        final int result = platform.adviseRandom(address, length);
        if (result != 0 && !warned)
        {
            warned = true;
            LOG.log(System.Logger.Level.WARNING, "madvise(MADV_RANDOM) of the journal's mapping failed with " + result +
                "; flushes may write more than the records changed");
        }
    }

    /**
     * A range of a chunk to populate: file offsets {@code from} (inclusive) to {@code to}, page-aligned.
     */
    private record PopulateRange(MappedBytesStore chunk, long from, long to)
    {
    }

    /**
     * Gives advice for a mapped range.
     */
    interface Advisor
    {
        /**
         * Turns readahead off for the range ({@code MADV_RANDOM}).
         *
         * @return 0 on success, else the platform's error result.
         */
        int adviseRandom(long address, long length);

        /**
         * Faults the range in writable without changing a byte ({@code MADV_POPULATE_WRITE}).
         *
         * @return 0 on success, else the platform's error result.
         */
        int populateWrite(long address, long length);
    }

    /**
     * The platform's {@code madvise}, through Chronicle's POSIX bindings.
     */
    private static final class PosixAdvisor implements Advisor
    {
        /** Linux's value (5.14 and later); Chronicle's {@link MAdviseFlag} does not name it. */
        private static final int MADV_POPULATE_WRITE = 23;

        private final PosixAPI posix;

        private PosixAdvisor(final PosixAPI posix)
        {
            this.posix = posix;
        }

        /**
         * @return the advisor, or none where the bindings cannot reach the platform.
         */
        static Optional<Advisor> create()
        {
            try
            {
                final PosixAPI posix = PosixAPI.posix();
                posix.getpid();
                return Optional.of(new PosixAdvisor(posix));
            }
            catch (final RuntimeException | LinkageError ex)
            {
                LOG.log(System.Logger.Level.INFO, "no native madvise here (" + ex +
                    "); the journal's flushes may write more than the records changed");
                return Optional.empty();
            }
        }

        @Override
        public int adviseRandom(final long address, final long length)
        {
            return posix.madvise(address, length, MAdviseFlag.MADV_RANDOM);
        }

        @Override
        public int populateWrite(final long address, final long length)
        {
            return posix.madvise(address, length, MADV_POPULATE_WRITE);
        }
    }
}
