package dev.quire.store;

/**
 * Receives records during {@link Journal#replayWithoutBodies(long, MessageReplayHandler)}, in journal
 * order: the messages of {@code MESSAGE_SENT} and {@code TRANSACTION_COMMITTED} records as
 * {@link ReplayedMessage} views, every other record decoded as usual.
 */
public interface MessageReplayHandler extends RecordHandler
{
    /**
     * A message stored by a {@code MESSAGE_SENT} record, or one of the sends of a
     * {@code TRANSACTION_COMMITTED} record (whose acknowledgements then follow, each as a
     * {@code MessageAcknowledged} record at the same position and origin, through
     * {@link #onRecord(long, JournalRecord, long)}).
     *
     * @param position the record's position in the journal.
     * @param message  the message, valid only during this call.
     * @param origin   the position at which the record was first appended (see {@link RecordHandler}).
     */
    void onMessage(long position, ReplayedMessage message, long origin);
}
