package dev.quire.store;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A wall clock that tests move by hand.
 */
public final class TestClock implements LongSupplier
{
    private final AtomicLong millis = new AtomicLong(1_767_225_600_000L);

    @Override
    public long getAsLong()
    {
        return millis.get();
    }

    /**
     * @param deltaMillis how far to move forward.
     */
    public void advance(final long deltaMillis)
    {
        millis.addAndGet(deltaMillis);
    }
}
