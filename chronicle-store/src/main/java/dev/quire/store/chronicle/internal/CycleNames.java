package dev.quire.store.chronicle.internal;

import net.openhft.chronicle.queue.RollCycle;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The file name Chronicle Queue gives a cycle (UTC, epoch 0), so a cycle's file can be found without
 * Chronicle's internal caches.
 */
public final class CycleNames
{
    private final RollCycle rollCycle;
    private final DateTimeFormatter formatter;

    /**
     * @param rollCycle the queue's roll cycle.
     */
    public CycleNames(final RollCycle rollCycle)
    {
        this.rollCycle = rollCycle;
        this.formatter = DateTimeFormatter.ofPattern(rollCycle.format()).withZone(ZoneOffset.UTC);
    }

    /**
     * @param cycle a cycle number.
     * @return the name of its file.
     */
    public String fileName(final int cycle)
    {
        return formatter.format(Instant.ofEpochMilli((long)cycle * rollCycle.lengthInMillis())) + ".cq4";
    }
}
