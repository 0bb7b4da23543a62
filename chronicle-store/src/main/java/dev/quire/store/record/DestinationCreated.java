package dev.quire.store.record;

import dev.quire.store.JournalRecord;
import dev.quire.store.RecordType;

import java.util.Objects;

/**
 * A destination was created.
 *
 * @param name the destination name.
 * @param kind queue or topic.
 */
public record DestinationCreated(String name, DestinationKind kind) implements JournalRecord
{
    /**
     * Checks the required values.
     */
    public DestinationCreated
    {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public RecordType type()
    {
        return RecordType.DESTINATION_CREATED;
    }
}
