package dev.quire.store.chronicle.internal;

import dev.quire.store.StoreException;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses appends while the disk holding the journal has less free space than the reserve. Writing
 * through memory-mapped pages onto a full disk kills the process (SIGBUS), so the journal must stop
 * before the disk is full, not when a write fails. Free space is read again after every
 * {@code checkEveryBytes} appended, and on every append once it is within twice the reserve.
 */
public final class DiskSpaceGuard
{
    private final FileStore store;
    private final Path directory;
    private final long reserveBytes;
    private final long checkEveryBytes;
    private long bytesSinceCheck;
    private long lastFreeBytes;

    /**
     * @param directory       the data directory.
     * @param reserveBytes    the free space to keep.
     * @param checkEveryBytes how much may be appended between two reads of the free space when far from
     *                        the reserve.
     */
    public DiskSpaceGuard(final Path directory, final long reserveBytes, final long checkEveryBytes)
    {
        this.directory = directory;
        this.reserveBytes = reserveBytes;
        this.checkEveryBytes = checkEveryBytes;
        try
        {
            this.store = Files.getFileStore(directory);
        }
        catch (final IOException ex)
        {
            throw new StoreException(StoreException.Kind.IO, "cannot inspect the disk of " + directory + ": " + ex, ex);
        }
        this.lastFreeBytes = readFreeBytes();
    }

    /**
     * Checks that {@code bytes} more may be written. Called by one thread at a time.
     *
     * @param bytes the size about to be written.
     * @throws StoreException of kind FULL when the disk is below the reserve.
     */
    public void checkRoomFor(final long bytes)
    {
        bytesSinceCheck += bytes;
        if (bytesSinceCheck >= checkEveryBytes || lastFreeBytes - bytesSinceCheck < 2 * reserveBytes)
        {
            lastFreeBytes = readFreeBytes();
            bytesSinceCheck = 0;
        }
        if (lastFreeBytes - bytes < reserveBytes)
        {
            throw new StoreException(StoreException.Kind.FULL, "the disk of " + directory + " has " + lastFreeBytes +
                " bytes free, below the reserve of " + reserveBytes + " bytes; free space or lower 'minFreeDisk'");
        }
    }

    private long readFreeBytes()
    {
        try
        {
            return store.getUsableSpace();
        }
        catch (final IOException ex)
        {
            throw new StoreException(StoreException.Kind.IO, "cannot read the free space of " + directory + ": " + ex, ex);
        }
    }
}
