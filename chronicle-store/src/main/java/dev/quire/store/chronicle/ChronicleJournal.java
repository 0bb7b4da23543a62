package dev.quire.store.chronicle;

import dev.quire.store.CompactionReport;
import dev.quire.store.CycleInfo;
import dev.quire.store.Durability;
import dev.quire.store.DurabilityListener;
import dev.quire.store.Journal;
import dev.quire.store.JournalContext;
import dev.quire.store.JournalReader;
import dev.quire.store.JournalRecord;
import dev.quire.store.LivePositions;
import dev.quire.store.MessageReplayHandler;
import dev.quire.store.RecordHandler;
import dev.quire.store.RecordRewriter;
import dev.quire.store.RecordType;
import dev.quire.store.RelocationListener;
import dev.quire.store.ReplayResult;
import dev.quire.store.StoreException;
import dev.quire.store.chronicle.internal.AppendMappingAdvice;
import dev.quire.store.chronicle.internal.ChronicleRollCycles;
import dev.quire.store.chronicle.internal.CycleFiles;
import dev.quire.store.chronicle.internal.CycleNames;
import dev.quire.store.chronicle.internal.DirectoryLock;
import dev.quire.store.chronicle.internal.DiskSpaceGuard;
import dev.quire.store.chronicle.internal.GroupCommitFlusher;
import dev.quire.store.chronicle.internal.JournalMarker;
import dev.quire.store.chronicle.internal.LargeRecordWriter;
import dev.quire.store.chronicle.internal.MessageHeaderDecoder;
import dev.quire.store.chronicle.internal.RecordEnvelope;
import dev.quire.store.chronicle.internal.StaleWriteLock;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link Journal} on a Chronicle Queue in the data directory.
 * <p>
 * Appends are serialised by one lock around a single appender (the broker engine is the only writer in
 * practice, so the lock is uncontended); they never wait for the disk. A {@link GroupCommitFlusher}
 * agent forces written cycle files with {@code fdatasync} when a thread waits for durability, or every
 * flush interval in {@link Durability#ASYNC} mode.
 */
public final class ChronicleJournal implements Journal
{
    private static final System.Logger LOG = System.getLogger(ChronicleJournal.class.getName());
    private static final long DISK_CHECK_EVERY_BYTES = 16L * 1024 * 1024;
    private static final long CHRONICLE_TIMEOUT_MS = 2_000;
    private static final Set<RecordType> ALL_TYPES = Collections.unmodifiableSet(EnumSet.allOf(RecordType.class));

    private final JournalContext context;
    private final DirectoryLock directoryLock;
    private final String journalId;
    private final SingleChronicleQueue queue;
    private final RollCycle rollCycle;
    private final CycleNames cycleNames;
    private final ExcerptAppender appender;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final RecordEnvelope appendEnvelope = new RecordEnvelope();
    private final DiskSpaceGuard diskSpaceGuard;
    private final CycleFiles cycleFiles;
    private final AppendMappingAdvice mappingAdvice = new AppendMappingAdvice();
    private final LargeRecordWriter largeRecordWriter = new LargeRecordWriter();
    private final GroupCommitFlusher flusher;
    private final AgentRunner flusherRunner;
    private final boolean tornTailAtOpen;
    private volatile long lastPosition;
    private volatile boolean closed;
    private int lastAppendCycle = Integer.MIN_VALUE;

    private ChronicleJournal(final JournalContext context, final DirectoryLock directoryLock, final String journalId)
    {
        this.context = context;
        this.directoryLock = directoryLock;
        this.journalId = journalId;
        this.rollCycle = ChronicleRollCycles.of(context.rollCycle());
        this.cycleNames = new CycleNames(rollCycle);
        final Path directory = context.directory();
        this.queue = SingleChronicleQueueBuilder.binary(directory)
            .rollCycle(rollCycle)
            .blockSize(context.blockSize())
            .timeProvider(context.clock()::getAsLong)
            .timeoutMS(CHRONICLE_TIMEOUT_MS)
            .syncMode(SyncMode.NONE)
            .checkInterrupts(false)
            .build();
        final long staleHolder = StaleWriteLock.release(queue);
        if (staleHolder != -1)
        {
            LOG.log(System.Logger.Level.WARNING, "released the journal write lock left by dead process {0} in {1}",
                staleHolder, directory);
        }
        this.tornTailAtOpen = TornTail.clear(queue, context.maxRecordSize());
        if (tornTailAtOpen)
        {
            LOG.log(System.Logger.Level.WARNING,
                "the journal in {0} ended in a partially written record (its writer died); it was ignored and cleared", directory);
        }
        this.appender = queue.createAppender();
        this.appender.singleThreadedCheckDisabled(true);
        this.lastPosition = queue.lastIndex() < 0 ? NO_POSITION : queue.lastIndex();
        this.diskSpaceGuard = new DiskSpaceGuard(directory, context.minFreeDiskBytes(), DISK_CHECK_EVERY_BYTES);
        this.cycleFiles = new CycleFiles(directory);
        final long periodicNanos = context.durability() == Durability.ASYNC ?
            TimeUnit.MILLISECONDS.toNanos(context.flushIntervalMillis()) : 0;
        this.flusher = new GroupCommitFlusher(cycleFiles, rollCycle::toCycle, periodicNanos,
            mappingAdvice::populatePosted);
        this.flusher.appended(lastPosition);
        final long maxParkNanos = Math.min(TimeUnit.MILLISECONDS.toNanos(10), Math.max(periodicNanos, 100_000));
        this.flusherRunner = new AgentRunner(
            new BackoffIdleStrategy(20, 10, 1_000, maxParkNanos),
            error -> LOG.log(System.Logger.Level.ERROR, "journal flusher failed", error),
            null,
            flusher);
        AgentRunner.startOnThread(flusherRunner, runnable ->
        {
            final Thread thread = new Thread(runnable, "quire-journal-flusher");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens (creating if needed) the journal described by the context and takes ownership of its
     * directory.
     *
     * @param context the settings; concluded here.
     * @return the open journal.
     * @throws StoreException of kind LOCKED when another owner holds the directory, CORRUPT when the
     *                        directory holds something other than a Quire journal, VERSION for a newer
     *                        format, IO when the directory cannot be used.
     */
    public static ChronicleJournal open(final JournalContext context)
    {
        context.conclude();
        final Path directory = context.directory();
        try
        {
            Files.createDirectories(directory);
        }
        catch (final IOException ex)
        {
            throw new StoreException(StoreException.Kind.IO, "cannot create data directory " + directory + ": " + ex, ex);
        }
        final DirectoryLock lock = DirectoryLock.acquire(directory);
        try
        {
            return new ChronicleJournal(context, lock, JournalMarker.readOrCreate(directory));
        }
        catch (final StoreException ex)
        {
            lock.close();
            throw ex;
        }
        catch (final RuntimeException ex)
        {
            lock.close();
            throw new StoreException(StoreException.Kind.IO, "cannot open the journal in " + directory + ": " + ex, ex);
        }
    }

    /**
     * @return the unique id of this journal, fixed when its directory was created.
     */
    public String journalId()
    {
        return journalId;
    }

    /**
     * @return the settings this journal runs with.
     */
    public JournalContext context()
    {
        return context;
    }

    /**
     * @return true when the journal ended in a partially written record when it was opened.
     */
    public boolean hadTornTailAtOpen()
    {
        return tornTailAtOpen;
    }

    @Override
    public long append(final JournalRecord record)
    {
        return append(record, NO_POSITION);
    }

    private long append(final JournalRecord record, final long origin)
    {
        Objects.requireNonNull(record, "record");
        appendLock.lock();
        try
        {
            requireOpen();
            final int length = appendEnvelope.encode(record);
            if (length > context.maxRecordSize())
            {
                throw new IllegalArgumentException("a " + record.type() + " record of " + length +
                    " bytes exceeds the maximum record size of " + context.maxRecordSize() + " bytes");
            }
            diskSpaceGuard.checkRoomFor(length);
            writeDocument(record, origin, length);
            final long position = appender.lastIndexAppended();
            trackCycle(position);
            lastPosition = position;
            flusher.appended(position);
            return position;
        }
        finally
        {
            appendLock.unlock();
        }
    }

    private void writeDocument(final JournalRecord record, final long origin, final int length)
    {
        try (DocumentContext document = appender.writingDocument())
        {
            try
            {
                final Bytes<?> bytes = document.wire().bytes();
                if (largeRecordWriter.suits(length))
                {
                    final ByteBuffer frame = appendEnvelope.frame(record.type(), origin);
                    final int frameLength = frame.remaining();
                    largeRecordWriter.write(appender.currentFile(), frame, bytes.writePosition());
                    bytes.writeSkip(frameLength);
                    mappingAdvice.wroteBeside(bytes);
                }
                else
                {
                    appendEnvelope.writeTo(record.type(), origin, bytes);
                    mappingAdvice.wroteThrough(bytes);
                }
            }
            catch (final IOException | RuntimeException ex)
            {
                document.rollbackOnClose();
                throw ex;
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new StoreException(StoreException.Kind.IO, "cannot append a " + record.type() + " record: " + ex, ex);
        }
    }

    private void trackCycle(final long position)
    {
        final int cycle = rollCycle.toCycle(position);
        if (cycle != lastAppendCycle)
        {
            lastAppendCycle = cycle;
            cycleFiles.register(cycle, appender.currentFile().toPath());
        }
    }

    @Override
    public void awaitDurable(final long position)
    {
        requireOpen();
        if (context.durability() == Durability.SYNC)
        {
            flusher.awaitFlushed(position);
        }
    }

    @Override
    public void flush(final long position)
    {
        requireOpen();
        flusher.awaitFlushed(position);
    }

    @Override
    public void expectFlushRequest()
    {
        flusher.expectRequest();
    }

    @Override
    public void requestFlush(final long position)
    {
        requireOpen();
        flusher.requestFlush(position);
    }

    @Override
    public long durablePosition()
    {
        return flusher.durablePosition();
    }

    @Override
    public long lastPosition()
    {
        return lastPosition;
    }

    @Override
    public void addDurabilityListener(final DurabilityListener listener)
    {
        flusher.addListener(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public ReplayResult replay(final long fromPosition, final RecordHandler handler)
    {
        return replay(fromPosition, ALL_TYPES, handler);
    }

    @Override
    public ReplayResult replay(final long fromPosition, final Set<RecordType> types, final RecordHandler handler)
    {
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(handler, "handler");
        final RecordEnvelope envelope = new RecordEnvelope();
        final RecordEnvelope.Decoded decoded = new RecordEnvelope.Decoded();
        return replayFrames(fromPosition, (position, frame) ->
        {
            final RecordType type = RecordEnvelope.peekType(frame);
            if (type != null && !types.contains(type))
            {
                return false;
            }
            envelope.decode(frame, position, decoded);
            handler.onRecord(position, decoded.record, decoded.origin);
            return true;
        });
    }

    @Override
    public ReplayResult replayWithoutBodies(final long fromPosition, final MessageReplayHandler handler)
    {
        Objects.requireNonNull(handler, "handler");
        final MessageHeaderDecoder decoder = new MessageHeaderDecoder();
        return replayFrames(fromPosition, (position, frame) ->
        {
            decoder.decode(frame, position, handler);
            return true;
        });
    }

    private ReplayResult replayFrames(final long fromPosition, final FrameHandler frames)
    {
        requireOpen();
        long records = 0;
        long last = NO_POSITION;
        try (ExcerptTailer tailer = queue.createTailer())
        {
            tailer.singleThreadedCheckDisabled(true);
            if (!positionTailer(tailer, fromPosition))
            {
                return new ReplayResult(0, NO_POSITION, false);
            }
            while (true)
            {
                try (DocumentContext document = tailer.readingDocument())
                {
                    if (!document.isPresent())
                    {
                        break;
                    }
                    final long position = document.index();
                    if (frames.onFrame(position, document.wire().bytes()))
                    {
                        records++;
                        last = position;
                    }
                }
            }
        }
        return new ReplayResult(records, last, tornTailAtOpen);
    }

    private boolean positionTailer(final ExcerptTailer tailer, final long fromPosition)
    {
        if (fromPosition == NO_POSITION || fromPosition <= queue.firstIndex())
        {
            tailer.toStart();
            return true;
        }
        if (tailer.moveToIndex(fromPosition))
        {
            return true;
        }
        if (fromPosition > lastPosition)
        {
            return false;
        }
        throw new StoreException(StoreException.Kind.CORRUPT, "cannot replay from position " + fromPosition +
            ": no record there");
    }

    @Override
    public JournalReader openReader()
    {
        requireOpen();
        return new ChronicleJournalReader(this, queue.createTailer());
    }

    @Override
    public List<CycleInfo> cycles()
    {
        requireOpen();
        queue.refreshDirectoryListing();
        final List<CycleInfo> cycles = new ArrayList<>();
        final int first = queue.firstCycle();
        final int last = queue.lastCycle();
        if (first == Integer.MAX_VALUE || last == Integer.MIN_VALUE)
        {
            return cycles;
        }
        for (final Long cycleNumber : queue.listCyclesBetween(first, last))
        {
            final int cycle = cycleNumber.intValue();
            cycles.add(new CycleInfo(cycle, context.directory().resolve(cycleNames.fileName(cycle)),
                rollCycle.toIndex(cycle, 0), rollCycle.toIndex(cycle + 1, 0), cycle == last));
        }
        return cycles;
    }

    @Override
    public CompactionReport compact(final LivePositions live, final double maxLiveFraction,
        final RecordRewriter rewriter, final RelocationListener listener)
    {
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(rewriter, "rewriter");
        Objects.requireNonNull(listener, "listener");
        if (!(maxLiveFraction >= 0 && maxLiveFraction <= 1))
        {
            throw new IllegalArgumentException("maxLiveFraction must be 0..1 but was " + maxLiveFraction);
        }
        return new Compaction(live, maxLiveFraction, rewriter, listener).run();
    }

    @Override
    public void close()
    {
        appendLock.lock();
        try
        {
            if (closed)
            {
                return;
            }
            closed = true;
        }
        finally
        {
            appendLock.unlock();
        }
        try
        {
            flusherRunner.close();
            if (context.durability() != Durability.NONE)
            {
                flusher.flushNow();
            }
        }
        finally
        {
            flusher.markClosed();
            cycleFiles.close();
            largeRecordWriter.close();
            appender.close();
            queue.close();
            directoryLock.close();
        }
    }

    void requireOpen()
    {
        if (closed)
        {
            throw new StoreException(StoreException.Kind.CLOSED, "the journal in " + context.directory() + " is closed");
        }
    }

    /**
     * Takes one frame of a replay.
     */
    @FunctionalInterface
    private interface FrameHandler
    {
        /**
         * @return true when the frame was handed over (counted in the replay's result).
         */
        boolean onFrame(long position, Bytes<?> frame);
    }

    /**
     * One compaction pass over the oldest cycles: deletes those with nothing live, copies forward the few
     * live records of others first, and stops at the first cycle that is too live.
     */
    private final class Compaction
    {
        private final LivePositions live;
        private final double maxLiveFraction;
        private final RecordRewriter rewriter;
        private final RelocationListener listener;
        private final LongArrayList livePositions = new LongArrayList();
        private int cyclesDeleted;
        private long recordsCopied;
        private long bytesReclaimed;

        Compaction(final LivePositions live, final double maxLiveFraction, final RecordRewriter rewriter,
            final RelocationListener listener)
        {
            this.live = live;
            this.maxLiveFraction = maxLiveFraction;
            this.rewriter = rewriter;
            this.listener = listener;
        }

        CompactionReport run()
        {
            for (final CycleInfo cycle : cycles())
            {
                if (cycle.current() || !compactCycle(cycle))
                {
                    break;
                }
            }
            queue.refreshDirectoryListing();
            return new CompactionReport(cyclesDeleted, recordsCopied, bytesReclaimed);
        }

        /**
         * @return true when the cycle was deleted.
         */
        private boolean compactCycle(final CycleInfo cycle)
        {
            livePositions.clear();
            live.forEachLive(cycle.firstPosition(), cycle.endPosition(), livePositions::addLong);
            if (!livePositions.isEmpty())
            {
                final long records = recordsIn(cycle);
                if (livePositions.size() > maxLiveFraction * records)
                {
                    return false;
                }
                copyForward();
            }
            delete(cycle);
            return true;
        }

        private long recordsIn(final CycleInfo cycle)
        {
            try (ExcerptTailer tailer = queue.createTailer())
            {
                return tailer.excerptsInCycle(cycle.cycle());
            }
        }

        private void copyForward()
        {
            final long[] newPositions = new long[livePositions.size()];
            try (JournalReader reader = openReader())
            {
                for (int i = 0; i < livePositions.size(); i++)
                {
                    final long oldPosition = livePositions.getLong(i);
                    final JournalRecord record = rewriter.rewrite(oldPosition, reader.read(oldPosition));
                    newPositions[i] = append(record, reader.lastOrigin());
                }
            }
            flush(newPositions[newPositions.length - 1]);
            for (int i = 0; i < newPositions.length; i++)
            {
                listener.relocated(livePositions.getLong(i), newPositions[i]);
            }
            recordsCopied += newPositions.length;
        }

        private void delete(final CycleInfo cycle)
        {
            try
            {
                final long size = Files.size(cycle.file());
                Files.delete(cycle.file());
                cyclesDeleted++;
                bytesReclaimed += size;
            }
            catch (final IOException ex)
            {
                throw new StoreException(StoreException.Kind.IO, "cannot delete cycle file " + cycle.file() + ": " + ex, ex);
            }
        }
    }
}
