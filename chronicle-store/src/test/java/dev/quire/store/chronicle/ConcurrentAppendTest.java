package dev.quire.store.chronicle;

import dev.quire.store.Durability;
import dev.quire.store.Journal;
import dev.quire.store.JournalContext;
import dev.quire.store.record.MessageAcknowledged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(120)
class ConcurrentAppendTest
{
    private static final int THREADS = 8;
    private static final int APPENDS_PER_THREAD = 1_000;

    @TempDir
    Path directory;

    @Test
    void shouldStoreEveryConcurrentAppendExactlyOnceInOneTotalOrder() throws Exception
    {
        final List<Long> positions = new ArrayList<>();
        try (Journal journal = ChronicleJournal.open(new JournalContext().directory(directory)
            .durability(Durability.SYNC).minFreeDiskBytes(0)))
        {
            final ExecutorService executor = Executors.newFixedThreadPool(THREADS);
            final CountDownLatch start = new CountDownLatch(1);
            final List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++)
            {
                final String writer = "writer-" + t;
                results.add(executor.submit(() ->
                {
                    start.await();
                    final List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < APPENDS_PER_THREAD; i++)
                    {
                        final long position = journal.append(new MessageAcknowledged(writer, i));
                        journal.awaitDurable(position);
                        assertThat(journal.durablePosition()).isGreaterThanOrEqualTo(position);
                        mine.add(position);
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (final Future<List<Long>> result : results)
            {
                final List<Long> mine = result.get();
                assertThat(mine).isSorted();
                positions.addAll(mine);
            }
            executor.shutdown();
        }

        try (Journal journal = ChronicleJournal.open(new JournalContext().directory(directory).minFreeDiskBytes(0)))
        {
            final Set<String> seen = new HashSet<>();
            final List<Long> replayed = new ArrayList<>();
            final long[] nextPerWriter = new long[THREADS];
            journal.replay(Journal.NO_POSITION, (position, record, origin) ->
            {
                final MessageAcknowledged ack = (MessageAcknowledged)record;
                assertThat(seen.add(ack.queue() + "/" + ack.messageSeq())).as("duplicate %s", ack).isTrue();
                final int writer = Integer.parseInt(ack.queue().substring("writer-".length()));
                assertThat(ack.messageSeq()).as("order of %s", ack.queue()).isEqualTo(nextPerWriter[writer]++);
                replayed.add(position);
            });
            assertThat(seen).hasSize(THREADS * APPENDS_PER_THREAD);
            assertThat(replayed).isSorted().doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(positions);
        }
    }
}
