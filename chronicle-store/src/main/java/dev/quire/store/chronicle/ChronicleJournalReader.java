package dev.quire.store.chronicle;

import dev.quire.store.JournalReader;
import dev.quire.store.JournalRecord;
import dev.quire.store.StoreException;
import dev.quire.store.chronicle.internal.RecordEnvelope;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Random access to journal records through a Chronicle tailer owned by one thread.
 */
final class ChronicleJournalReader implements JournalReader
{
    private final ChronicleJournal journal;
    private final ExcerptTailer tailer;
    private final RecordEnvelope envelope = new RecordEnvelope();
    private final RecordEnvelope.Decoded decoded = new RecordEnvelope.Decoded();
    private boolean closed;

    ChronicleJournalReader(final ChronicleJournal journal, final ExcerptTailer tailer)
    {
        this.journal = journal;
        this.tailer = tailer;
    }

    @Override
    public JournalRecord read(final long position)
    {
        if (closed)
        {
            throw new StoreException(StoreException.Kind.CLOSED, "the reader is closed");
        }
        journal.requireOpen();
        if (position < 0 || !tailer.moveToIndex(position))
        {
            throw new StoreException(StoreException.Kind.CORRUPT, "no record at position " + position);
        }
        try (DocumentContext document = tailer.readingDocument())
        {
            if (!document.isPresent() || document.index() != position)
            {
                throw new StoreException(StoreException.Kind.CORRUPT, "no complete record at position " + position);
            }
            envelope.decode(document.wire().bytes(), position, decoded);
            return decoded.record;
        }
    }

    @Override
    public long lastOrigin()
    {
        return decoded.origin;
    }

    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            tailer.close();
        }
    }
}
