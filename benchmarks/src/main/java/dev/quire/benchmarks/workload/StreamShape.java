package dev.quire.benchmarks.workload;

/**
 * The shape of a streaming workload: producers sending to one queue for a while and consumers receiving
 * from it at the same time.
 *
 * @param producers       producer threads, each with its own session.
 * @param consumers       consumer threads, each with its own session.
 * @param persistent      whether messages are sent PERSISTENT (else NON_PERSISTENT).
 * @param transactedBatch messages per commit in transacted producer and consumer sessions; 0 for
 *                        AUTO_ACKNOWLEDGE sessions.
 * @param asyncWindow     sends with a CompletionListener allowed in flight per producer; 0 for
 *                        synchronous sends.
 * @param bodySize        body size in bytes.
 */
public record StreamShape(int producers, int consumers, boolean persistent, int transactedBatch, int asyncWindow,
    int bodySize)
{
    /**
     * @return one producer, one consumer, persistent, synchronous, AUTO_ACKNOWLEDGE, 1 KiB.
     */
    public static StreamShape persistentPair()
    {
        return new StreamShape(1, 1, true, 0, 0, TimedMessages.DEFAULT_BODY_SIZE);
    }

    /**
     * @param persistent whether messages are persistent.
     * @return this shape with that delivery mode.
     */
    public StreamShape persistent(final boolean persistent)
    {
        return new StreamShape(producers, consumers, persistent, transactedBatch, asyncWindow, bodySize);
    }

    /**
     * @param batch messages per commit.
     * @return this shape with transacted sessions.
     */
    public StreamShape transacted(final int batch)
    {
        return new StreamShape(producers, consumers, persistent, batch, asyncWindow, bodySize);
    }

    /**
     * @param window sends in flight per producer.
     * @return this shape with asynchronous sends.
     */
    public StreamShape async(final int window)
    {
        return new StreamShape(producers, consumers, persistent, transactedBatch, window, bodySize);
    }

    /**
     * @param size body size in bytes.
     * @return this shape with that body size.
     */
    public StreamShape bodySize(final int size)
    {
        return new StreamShape(producers, consumers, persistent, transactedBatch, asyncWindow, size);
    }

    /**
     * @param producerCount producer threads.
     * @param consumerCount consumer threads.
     * @return this shape with those thread counts.
     */
    public StreamShape threads(final int producerCount, final int consumerCount)
    {
        return new StreamShape(producerCount, consumerCount, persistent, transactedBatch, asyncWindow, bodySize);
    }
}
