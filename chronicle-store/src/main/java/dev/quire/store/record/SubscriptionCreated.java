package dev.quire.store.record;

import dev.quire.store.JournalRecord;
import dev.quire.store.RecordType;

import java.util.Objects;

/**
 * A durable subscription was created on a topic.
 *
 * @param topic    the topic.
 * @param name     the subscription's queue name inside the engine (unique).
 * @param selector the message selector, or null.
 * @param noLocal  true when messages published on the subscribing connection are not delivered.
 * @param shared   true for a shared subscription.
 */
public record SubscriptionCreated(String topic, String name, String selector, boolean noLocal, boolean shared) implements JournalRecord
{
    /**
     * Checks the required values.
     */
    public SubscriptionCreated
    {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public RecordType type()
    {
        return RecordType.SUBSCRIPTION_CREATED;
    }
}
