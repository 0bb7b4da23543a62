package dev.quire.store.chronicle;

import dev.quire.store.CompactionReport;
import dev.quire.store.CycleInfo;
import dev.quire.store.Durability;
import dev.quire.store.Journal;
import dev.quire.store.JournalContext;
import dev.quire.store.JournalReader;
import dev.quire.store.Records;
import dev.quire.store.RollCycle;
import dev.quire.store.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class CompactionTest
{
    private static final int RECORDS_PER_CYCLE = 10;

    @TempDir
    Path directory;

    private final TestClock clock = new TestClock();
    private final NavigableSet<Long> live = new TreeSet<>();
    private final Map<Long, Long> relocations = new HashMap<>();
    private ChronicleJournal journal;
    private final List<long[]> positionsByCycle = new ArrayList<>();

    @BeforeEach
    void fillThreeCycles()
    {
        journal = ChronicleJournal.open(new JournalContext().directory(directory).durability(Durability.SYNC)
            .rollCycle(RollCycle.SECONDLY).clock(clock).minFreeDiskBytes(0));
        for (int cycle = 0; cycle < 3; cycle++)
        {
            final long[] positions = new long[RECORDS_PER_CYCLE];
            for (int i = 0; i < RECORDS_PER_CYCLE; i++)
            {
                positions[i] = journal.append(Records.sent(cycle * 100L + i));
            }
            positionsByCycle.add(positions);
            clock.advance(1_000);
        }
    }

    @AfterEach
    void close()
    {
        journal.close();
    }

    private CompactionReport compact(final double maxLiveFraction)
    {
        return journal.compact((from, to, action) -> live.subSet(from, to).forEach(action::accept),
            maxLiveFraction, relocations::put);
    }

    @Test
    void shouldDeleteOldCyclesHoldingNothingLive()
    {
        final List<CycleInfo> before = journal.cycles();
        assertThat(before).hasSize(3);
        live.add(positionsByCycle.get(2)[0]);

        final CompactionReport report = compact(0.0);

        assertThat(report.cyclesDeleted()).isEqualTo(2);
        assertThat(report.bytesReclaimed()).isPositive();
        assertThat(before.get(0).file()).doesNotExist();
        assertThat(before.get(1).file()).doesNotExist();
        assertThat(before.get(2).file()).exists();
        assertThat(journal.cycles()).extracting(CycleInfo::cycle).containsExactly(before.get(2).cycle());
        final List<Long> replayed = new ArrayList<>();
        journal.replay(Journal.NO_POSITION, (position, record, origin) -> replayed.add(position));
        assertThat(replayed).hasSize(RECORDS_PER_CYCLE).first().isEqualTo(positionsByCycle.get(2)[0]);
    }

    @Test
    void shouldCopyForwardFewLiveRecordsThenDeleteTheirCycle()
    {
        final long survivor = positionsByCycle.get(0)[3];
        live.add(survivor);
        final CycleInfo oldest = journal.cycles().get(0);

        final CompactionReport report = compact(0.5);

        assertThat(report.recordsCopied()).isEqualTo(1);
        assertThat(report.cyclesDeleted()).isEqualTo(2);
        assertThat(oldest.file()).doesNotExist();
        final long newPosition = relocations.get(survivor);
        assertThat(newPosition).isGreaterThan(positionsByCycle.get(2)[RECORDS_PER_CYCLE - 1]);
        assertThat(journal.durablePosition()).isGreaterThanOrEqualTo(newPosition);
        try (JournalReader reader = journal.openReader())
        {
            assertThat(reader.read(newPosition)).isEqualTo(Records.sent(3));
        }
        final Map<Long, Long> copies = new HashMap<>();
        journal.replay(Journal.NO_POSITION, (position, record, origin) ->
        {
            if (origin != position)
            {
                copies.put(position, origin);
            }
        });
        assertThat(copies).containsExactly(Map.entry(newPosition, survivor));
    }

    @Test
    void shouldKeepFirstOriginWhenACopyIsCopiedAgain()
    {
        final long survivor = positionsByCycle.get(0)[3];
        live.add(survivor);
        compact(0.5);
        final long firstCopy = relocations.get(survivor);
        live.clear();
        live.add(firstCopy);
        clock.advance(1_000);
        journal.append(Records.sent(777));
        compact(1.0);
        final long secondCopy = relocations.get(firstCopy);
        final Map<Long, Long> origins = new HashMap<>();
        journal.replay(Journal.NO_POSITION, (position, record, origin) -> origins.put(position, origin));
        assertThat(origins).containsEntry(secondCopy, survivor).doesNotContainKey(firstCopy);
    }

    @Test
    void shouldStopAtTheFirstCycleWhoseLiveShareIsAboveTheThreshold()
    {
        for (final long position : positionsByCycle.get(0))
        {
            live.add(position);
        }
        final CycleInfo oldest = journal.cycles().get(0);
        final CycleInfo middle = journal.cycles().get(1);

        final CompactionReport report = compact(0.5);

        assertThat(report.cyclesDeleted()).as("only a prefix of the journal may go").isZero();
        assertThat(report.recordsCopied()).isZero();
        assertThat(oldest.file()).exists();
        assertThat(middle.file()).as("nothing live, but behind a cycle that stays").exists();
        assertThat(relocations).isEmpty();
    }

    @Test
    void shouldLetTheOwnerReduceRecordsAsTheyAreCopied()
    {
        final long survivor = positionsByCycle.get(0)[3];
        live.add(survivor);
        journal.compact((from, to, action) -> live.subSet(from, to).forEach(action::accept), 0.5,
            (position, record) -> Records.sent(4_242), relocations::put);
        try (JournalReader reader = journal.openReader())
        {
            assertThat(reader.read(relocations.get(survivor))).isEqualTo(Records.sent(4_242));
            assertThat(reader.lastOrigin()).isEqualTo(survivor);
        }
    }

    @Test
    void shouldNeverDeleteTheCurrentCycle()
    {
        final CompactionReport report = compact(1.0);
        assertThat(report.cyclesDeleted()).isEqualTo(2);
        assertThat(journal.cycles()).singleElement().matches(CycleInfo::current);
        final long next = journal.append(Records.sent(999));
        assertThat(next).isGreaterThan(positionsByCycle.get(2)[RECORDS_PER_CYCLE - 1]);
    }

    @Test
    void shouldKeepDiskBoundedWhenProducedAndConsumedForever()
    {
        long maxFiles = 0;
        for (int round = 0; round < 20; round++)
        {
            for (int i = 0; i < RECORDS_PER_CYCLE; i++)
            {
                journal.append(Records.sent(10_000L + round * 100L + i));
            }
            clock.advance(1_000);
            compact(0.5);
            maxFiles = Math.max(maxFiles, journal.cycles().size());
        }
        assertThat(maxFiles).isLessThanOrEqualTo(2);
    }
}
