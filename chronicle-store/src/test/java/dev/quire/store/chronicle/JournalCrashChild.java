package dev.quire.store.chronicle;

import dev.quire.store.Durability;
import dev.quire.store.Journal;
import dev.quire.store.JournalContext;
import dev.quire.store.Records;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process that crash tests kill. Modes:
 * <ul>
 *   <li>{@code append DIR MODE FIRST_SEQ THREADS}: appends from several threads forever, printing
 *       {@code STORED seq position} once each append is as durable as MODE promises;</li>
 *   <li>{@code hold DIR}: opens the journal, prints {@code READY} and waits;</li>
 *   <li>{@code torn DIR}: starts a Chronicle record, writes half of it, prints {@code READY} and waits,
 *       so that a kill leaves a torn record.</li>
 * </ul>
 */
public final class JournalCrashChild
{
    private JournalCrashChild()
    {
    }

    /**
     * @param args see the class comment.
     * @throws Exception when anything fails; the parent sees a missing line.
     */
    public static void main(final String[] args) throws Exception
    {
        final Path directory = Path.of(args[1]);
        switch (args[0])
        {
            case "append" -> append(directory, Durability.valueOf(args[2]), Long.parseLong(args[3]), Integer.parseInt(args[4]));
            case "hold" -> hold(directory);
            case "torn" -> tearRecord(directory);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /**
     * @param seq a message sequence number.
     * @return the body the crash tests expect for it: varying size, every eighth one large enough to be
     * written beside the journal's mapping, content derived from seq.
     */
    public static byte[] bodyFor(final long seq)
    {
        final int spread = seq % 8 == 0 ? 64 * 1024 : 4096;
        final byte[] body = new byte[(seq % 8 == 0 ? 16 * 1024 : 64) + (int)(seq * 7919 % spread)];
        for (int i = 0; i < body.length; i++)
        {
            body[i] = (byte)(seq * 31 + i);
        }
        return body;
    }

    private static void append(final Path directory, final Durability durability, final long firstSeq, final int threads)
        throws InterruptedException
    {
        final Journal journal = ChronicleJournal.open(new JournalContext().directory(directory)
            .durability(durability).minFreeDiskBytes(0));
        final AtomicLong nextSeq = new AtomicLong(firstSeq);
        System.out.println("READY");
        for (int t = 0; t < threads; t++)
        {
            final Thread writer = new Thread(() ->
            {
                while (true)
                {
                    final long seq = nextSeq.getAndIncrement();
                    final long position = journal.append(Records.sent(seq, bodyFor(seq)));
                    journal.awaitDurable(position);
                    synchronized (System.out)
                    {
                        System.out.println("STORED " + seq + " " + position);
                    }
                }
            });
            writer.start();
        }
        Thread.currentThread().join();
    }

    private static void hold(final Path directory) throws InterruptedException
    {
        ChronicleJournal.open(new JournalContext().directory(directory).minFreeDiskBytes(0));
        System.out.println("READY");
        Thread.currentThread().join();
    }

    @SuppressWarnings("resource")
    private static void tearRecord(final Path directory) throws InterruptedException
    {
        final SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(directory)
            .rollCycle(RollCycles.FAST_HOURLY).blockSize(64L << 20).build();
        final DocumentContext document = queue.createAppender().writingDocument();
        document.wire().bytes().write(new byte[] {1, 7, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        System.out.println("READY");
        Thread.currentThread().join();
    }
}
