package dev.quire.store.record;

import dev.quire.store.JournalRecord;
import dev.quire.store.RecordType;

import java.util.List;

/**
 * The complete state of some live messages, written by compaction in place of the records that
 * created them. It supersedes every earlier record about these messages: replay starts each of them from
 * here and applies only what happened after it, so the older records can be deleted.
 *
 * @param messages the messages restated.
 */
public record MessageSnapshot(List<SnapshotEntry> messages) implements JournalRecord
{
    /**
     * Copies the list.
     */
    public MessageSnapshot
    {
        messages = List.copyOf(messages);
    }

    @Override
    public RecordType type()
    {
        return RecordType.MESSAGE_SNAPSHOT;
    }
}
