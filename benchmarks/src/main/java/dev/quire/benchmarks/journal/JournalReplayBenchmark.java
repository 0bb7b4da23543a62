package dev.quire.benchmarks.journal;

import dev.quire.store.Durability;
import dev.quire.store.Journal;
import dev.quire.store.JournalRecord;
import dev.quire.store.MessageReplayHandler;
import dev.quire.store.ReplayedMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Replay of a journal holding {@value #RECORDS} records of 1 KiB messages, as on a restart: the full
 * replay, which decodes every record with its message's properties and body ({@link Journal#replay}),
 * and the replay the engine rebuilds its index with, which checks every record the same way but decodes
 * only message headers ({@link Journal#replayWithoutBodies}). An operation is one record replayed, from
 * the page cache (the journal was just written).
 */
public class JournalReplayBenchmark extends JournalFixture
{
    /** The records in the journal, all replayed by each invocation. */
    static final int RECORDS = 100_000;

    @Override
    protected Durability durability()
    {
        return Durability.NONE;
    }

    /**
     * Fills the journal opened by {@link JournalFixture#open()}.
     */
    @Setup(Level.Trial)
    public void fill()
    {
        for (int i = 0; i < RECORDS; i++)
        {
            journal.append(record);
        }
    }

    /**
     * @param sink takes each decoded record.
     * @return the records replayed.
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long replay(final Blackhole sink)
    {
        return journal.replay(Journal.NO_POSITION, (position, replayed, origin) -> sink.consume(replayed)).records();
    }

    /**
     * @param sink takes each message's sequence number and priority.
     * @return the records replayed.
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long replayWithoutBodies(final Blackhole sink)
    {
        return journal.replayWithoutBodies(Journal.NO_POSITION, new MessageReplayHandler()
        {
            @Override
            public void onMessage(final long position, final ReplayedMessage message, final long origin)
            {
                sink.consume(message.messageSeq());
                sink.consume(message.priority());
            }

            @Override
            public void onRecord(final long position, final JournalRecord replayed, final long origin)
            {
                sink.consume(replayed);
            }
        }).records();
    }
}
