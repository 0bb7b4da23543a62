package dev.quire.store.chronicle.internal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.posix.MAdviseFlag;
import net.openhft.posix.PosixAPI;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Turns readahead off ({@code madvise(MADV_RANDOM)}) for each memory-mapped chunk of a cycle file the
 * journal appends through.
 * <p>
 * Linux caches a file in folios, and readahead for a page fault on a mapping makes them ever larger as
 * the faults move along the file, up to 2 MiB. A store through a mapping marks its whole folio dirty, so
 * each {@code fdatasync} wrote whole folios back: 1.7 MB per 10 KiB record was measured deep into a
 * cycle file (ext4, kernel 6.18, {@code read_ahead_kb} 8192), at less than half the rate of the same
 * appends with this advice, which writes back about the pages the records changed. The faults of an appender are
 * on pages nobody has read, so readahead never helps there. Readers share the chunk's mapping while it
 * stays mapped; they read what was just written, which is in the cache already.
 * <p>
 * Where the platform has no {@code madvise} (no native POSIX access), nothing changes but the speed; the
 * same until it is bound, shortly after the first journal opens.
 */
public final class AppendMappingAdvice
{
    private static final System.Logger LOG = System.getLogger(AppendMappingAdvice.class.getName());
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
    private BytesStore<?, ?> advised;
    private boolean warned;

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
     * ready. Called by the appending thread after each append; never throws.
     *
     * @param bytes the bytes the record was written through.
     */
    public void wroteThrough(final Bytes<?> bytes)
    {
        final BytesStore<?, ?> store = bytes.bytesStore();
        if (store == advised)
        {
            return;
        }
        final Optional<Advisor> ready = advisor.get();
        if (ready == null)
        {
            return;
        }
        advised = store;
        if (ready.isPresent() && store instanceof MappedBytesStore)
        {
            advise(ready.get(), (MappedBytesStore) store);
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
     * Gives {@code MADV_RANDOM} advice for a mapped range.
     */
    @FunctionalInterface
    interface Advisor
    {
        /**
         * @return 0 on success, else the platform's error result.
         */
        int adviseRandom(long address, long length);
    }

    /**
     * The platform's {@code madvise}, through Chronicle's POSIX bindings.
     */
    private static final class PosixAdvisor implements Advisor
    {
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
    }
}
