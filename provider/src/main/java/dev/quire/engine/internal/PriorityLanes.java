package dev.quire.engine.internal;

/**
 * The pending messages of one queue: ten FIFO lanes, one per priority, as intrusive doubly linked lists
 * through {@link MessageRef#prev}/{@link MessageRef#next}, so a message taken from the middle (by a
 * selector) leaves in constant time. Within a lane, messages are ordered by sequence number.
 */
final class PriorityLanes
{
    private static final int LANES = 10;

    private final MessageRef[] heads = new MessageRef[LANES];
    private final MessageRef[] tails = new MessageRef[LANES];
    private int size;

    int size()
    {
        return size;
    }

    boolean isEmpty()
    {
        return size == 0;
    }

    /**
     * Adds a message in sequence order: at the tail for a new message, further in for one coming back.
     */
    void add(final MessageRef ref)
    {
        final int lane = ref.priority;
        MessageRef after = tails[lane];
        while (after != null && after.seq > ref.seq)
        {
            after = after.prev;
        }
        ref.prev = after;
        ref.next = after == null ? heads[lane] : after.next;
        if (ref.next == null)
        {
            tails[lane] = ref;
        }
        else
        {
            ref.next.prev = ref;
        }
        if (after == null)
        {
            heads[lane] = ref;
        }
        else
        {
            after.next = ref;
        }
        size++;
    }

    void remove(final MessageRef ref)
    {
        final int lane = ref.priority;
        if (ref.prev == null)
        {
            heads[lane] = ref.next;
        }
        else
        {
            ref.prev.next = ref.next;
        }
        if (ref.next == null)
        {
            tails[lane] = ref.prev;
        }
        else
        {
            ref.next.prev = ref.prev;
        }
        ref.prev = null;
        ref.next = null;
        size--;
    }

    /**
     * @return the first message of the highest non-empty lane, or null.
     */
    MessageRef first()
    {
        for (int lane = LANES - 1; lane >= 0; lane--)
        {
            if (heads[lane] != null)
            {
                return heads[lane];
            }
        }
        return null;
    }

    /**
     * @param ref a message in these lanes.
     * @return the message after it in delivery order (the rest of its lane, then lower lanes), or null.
     */
    MessageRef after(final MessageRef ref)
    {
        if (ref.next != null)
        {
            return ref.next;
        }
        for (int lane = ref.priority - 1; lane >= 0; lane--)
        {
            if (heads[lane] != null)
            {
                return heads[lane];
            }
        }
        return null;
    }
}
