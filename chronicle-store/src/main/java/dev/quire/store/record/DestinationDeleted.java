package dev.quire.store.record;

import dev.quire.store.JournalRecord;
import dev.quire.store.RecordType;

import java.util.Objects;

/**
 * A destination was deleted with everything pending on it.
 *
 * @param name the destination name.
 */
public record DestinationDeleted(String name) implements JournalRecord
{
    /**
     * Checks the required values.
     */
    public DestinationDeleted
    {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public RecordType type()
    {
        return RecordType.DESTINATION_DELETED;
    }
}
