package dev.quire.engine.internal;

import org.agrona.collections.Hashing;

/**
 * A hash table keyed by message sequence number, laid out for the way replay fills it: the engine numbers
 * messages in the order it writes them, so keys mostly arrive in ascending runs. Open addressing with
 * linear probing, like Agrona's {@code Long2ObjectHashMap}, but a run of 64 consecutive numbers shares one
 * region of 64 slots (the run's number is hashed to pick the region, and scrambles the order inside it),
 * so filling the table in order writes memory nearly sequentially instead of missing the cache on every
 * key, while keys that step by 64 or more still spread over the whole table. Values are never null;
 * entries are never removed. Owned by one thread.
 *
 * @param <V> the value type.
 */
final class SequenceTable<V>
{
    private static final int RUN_BITS = 6;
    private static final int RUN_MASK = (1 << RUN_BITS) - 1;
    private static final int INITIAL_CAPACITY = 1 << 10;

    private long[] keys;
    private Object[] values;
    private int mask;
    private int size;

    SequenceTable()
    {
        allocate(INITIAL_CAPACITY);
    }

    int size()
    {
        return size;
    }

    /**
     * @return the value stored for {@code seq}, or null.
     */
    @SuppressWarnings("unchecked")
    V get(final long seq)
    {
        for (int slot = home(seq); ; slot = (slot + 1) & mask)
        {
            final Object value = values[slot];
            if (value == null || keys[slot] == seq)
            {
                return (V)value;
            }
        }
    }

    /**
     * Stores {@code value} for {@code seq}, replacing what was there.
     */
    void put(final long seq, final V value)
    {
        if (value == null)
        {
            throw new IllegalArgumentException("a sequence table holds no null values");
        }
        int slot = home(seq);
        while (values[slot] != null && keys[slot] != seq)
        {
            slot = (slot + 1) & mask;
        }
        if (values[slot] == null)
        {
            size++;
        }
        keys[slot] = seq;
        values[slot] = value;
        if (size > (mask + 1) / 2)
        {
            grow();
        }
    }

    private int home(final long seq)
    {
        final int run = Hashing.hash(seq >>> RUN_BITS);
        return ((run << RUN_BITS) | (((int)seq ^ (run >>> 26)) & RUN_MASK)) & mask;
    }

    private void allocate(final int capacity)
    {
        keys = new long[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
    }

    private void grow()
    {
        final long[] oldKeys = keys;
        final Object[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++)
        {
            if (oldValues[i] != null)
            {
                int slot = home(oldKeys[i]);
                while (values[slot] != null)
                {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
