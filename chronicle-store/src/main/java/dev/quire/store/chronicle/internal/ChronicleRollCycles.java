package dev.quire.store.chronicle.internal;

import dev.quire.store.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;

/**
 * Maps Quire's roll cycles onto Chronicle Queue's.
 */
public final class ChronicleRollCycles
{
    private ChronicleRollCycles()
    {
    }

    /**
     * @param rollCycle Quire's roll cycle.
     * @return Chronicle's equivalent.
     */
    public static net.openhft.chronicle.queue.RollCycle of(final RollCycle rollCycle)
    {
        return switch (rollCycle)
        {
            case SECONDLY -> TestRollCycles.TEST_SECONDLY;
            case FIVE_MINUTELY -> RollCycles.FIVE_MINUTELY;
            case TEN_MINUTELY -> RollCycles.TEN_MINUTELY;
            case HALF_HOURLY -> RollCycles.HALF_HOURLY;
            case HOURLY -> RollCycles.FAST_HOURLY;
            case DAILY -> RollCycles.FAST_DAILY;
        };
    }
}
