package dev.quire.store;

import java.util.List;
import java.util.Set;

/**
 * The durable, append-only journal of a data directory: the source of truth of all broker state.
 * <p>
 * Records are appended in one total order and identified by their position, which grows with every
 * append. Appending and waiting for durability are separate steps so that the appending thread never
 * waits for the disk: it appends, hands the position on, and whoever must not proceed before the record
 * is stored calls {@link #awaitDurable(long)}. Concurrent waiters share one flush (group commit).
 * <p>
 * Implementations are thread safe. Opening a journal takes an exclusive lock on its data directory,
 * held until {@link #close()}.
 */
public interface Journal extends AutoCloseable
{
    /**
     * The position that is no position: returned when there is nothing, accepted as "from the start".
     */
    long NO_POSITION = -1L;

    /**
     * Writes a record at the end of the journal. The record is visible to readers when this returns;
     * whether it is on disk depends on the durability mode and is settled by {@link #awaitDurable(long)}.
     *
     * @param record the record to append.
     * @return the record's position.
     * @throws StoreException       of kind FULL when the disk is below its free-space reserve, IO when the
     *                              write fails, CLOSED after close.
     * @throws IllegalArgumentException when the encoded record exceeds the configured maximum size.
     */
    long append(JournalRecord record);

    /**
     * Waits until the record at {@code position} is as durable as the journal's durability mode
     * promises: forced to disk in {@link Durability#SYNC} mode; immediately in the other modes.
     *
     * @param position a position returned by {@link #append(JournalRecord)}.
     */
    void awaitDurable(long position);

    /**
     * Forces every record up to and including {@code position} to disk, whatever the durability mode,
     * and waits until that is done. Used where durability is required regardless of mode (XA prepare).
     *
     * @param position a position returned by {@link #append(JournalRecord)}.
     */
    void flush(long position);

    /**
     * Asks for every record up to {@code position} to be forced to disk, whatever the durability mode,
     * without waiting: {@link #durablePosition()} and the {@link DurabilityListener}s tell when it is done.
     * For a single-threaded owner (the broker engine) that must never block on the disk.
     *
     * @param position a position returned by {@link #append(JournalRecord)}.
     */
    void requestFlush(long position);

    /**
     * Announces that a record which will need a flush is about to be appended by another thread, so that a
     * flusher gone idle can be ready for the request rather than be woken by it. A hint for a lone
     * synchronous writer, callable from any thread; it never fails and may be ignored.
     */
    void expectFlushRequest();

    /**
     * @return the highest position known to be on disk, or {@link #NO_POSITION}.
     */
    long durablePosition();

    /**
     * @return the position of the last appended record, or {@link #NO_POSITION} when empty.
     */
    long lastPosition();

    /**
     * Registers a listener told on the flusher thread whenever more of the journal is on disk.
     *
     * @param listener the listener.
     */
    void addDurabilityListener(DurabilityListener listener);

    /**
     * Replays every complete record from {@code fromPosition} (inclusive; {@link #NO_POSITION} for the
     * start) to the current end, in order.
     *
     * @param fromPosition where to start.
     * @param handler      receives each record.
     * @return what the replay found, including whether the journal ends in a torn record.
     */
    ReplayResult replay(long fromPosition, RecordHandler handler);

    /**
     * Replays, like {@link #replay(long, RecordHandler)}, only the records of the given types; the others
     * are skipped without being decoded (a fast first pass over metadata).
     *
     * @param fromPosition where to start.
     * @param types        the record types to hand over.
     * @param handler      receives each record of those types.
     * @return what the replay found; {@code records} counts only the records handed over.
     */
    ReplayResult replay(long fromPosition, Set<RecordType> types, RecordHandler handler);

    /**
     * Replays, like {@link #replay(long, RecordHandler)}, every record, but leaves the properties and
     * bodies of sent messages in the journal: the messages of {@code MESSAGE_SENT} and
     * {@code TRANSACTION_COMMITTED} records reach {@link MessageReplayHandler#onMessage} as views that
     * decode only their headers unless asked for more. Every record is still checked as in a full replay
     * (type, version, checksum, lengths), and a damaged one stops the replay with {@code CORRUPT} before
     * any of it is handed over. Meant for rebuilding an index of pending messages, whose bodies are read
     * later by position.
     *
     * @param fromPosition where to start.
     * @param handler      receives each message and every other record.
     * @return what the replay found; {@code records} counts journal records, not messages.
     */
    ReplayResult replayWithoutBodies(long fromPosition, MessageReplayHandler handler);

    /**
     * Opens a reader for random access by position. A reader belongs to the thread that uses it.
     *
     * @return a new reader; close it when done.
     */
    JournalReader openReader();

    /**
     * @return the cycle files of the journal, oldest first, the current one last.
     */
    List<CycleInfo> cycles();

    /**
     * Reclaims disk from the oldest cycles, as {@link #compact(LivePositions, double, RecordRewriter,
     * RelocationListener)} with records copied as they are.
     *
     * @param live            the owner's live positions.
     * @param maxLiveFraction copy forward only cycles whose live share is at most this (0..1).
     * @param listener        told of every relocation.
     * @return what was done.
     */
    default CompactionReport compact(final LivePositions live, final double maxLiveFraction,
        final RelocationListener listener)
    {
        return compact(live, maxLiveFraction, RecordRewriter.VERBATIM, listener);
    }

    /**
     * Reclaims disk from the front of the journal. Cycles are taken oldest first, never the current one:
     * a cycle holding no live record is deleted; one whose live records are at most
     * {@code maxLiveFraction} of its records has them copied forward (each copy keeps its origin
     * position; the rewriter may reduce it), the copies are forced to disk, the listener is told every
     * relocation, and the cycle is deleted. The first cycle with a larger live share stops the pass:
     * only a prefix of the journal is ever deleted, because a later record (an acknowledgement) may be
     * what makes an earlier one dead, and must not vanish while the earlier one remains.
     *
     * @param live            the owner's live positions.
     * @param maxLiveFraction copy forward only cycles whose live share is at most this (0..1).
     * @param rewriter        may reduce each live record as it is copied.
     * @param listener        told of every relocation.
     * @return what was done.
     */
    CompactionReport compact(LivePositions live, double maxLiveFraction, RecordRewriter rewriter,
        RelocationListener listener);

    /**
     * Closes the journal: flushes it (in every mode but {@link Durability#NONE}), stops the flusher and
     * releases the directory lock. Closing twice is harmless.
     */
    @Override
    void close();
}
