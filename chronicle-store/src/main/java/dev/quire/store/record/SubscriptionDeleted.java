package dev.quire.store.record;

import dev.quire.store.JournalRecord;
import dev.quire.store.RecordType;

import java.util.Objects;

/**
 * A durable subscription was deleted with everything pending on it.
 *
 * @param name the subscription's queue name.
 */
public record SubscriptionDeleted(String name) implements JournalRecord
{
    /**
     * Checks the required values.
     */
    public SubscriptionDeleted
    {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public RecordType type()
    {
        return RecordType.SUBSCRIPTION_DELETED;
    }
}
