package dev.quire.store.chronicle.internal;

import dev.quire.store.DurabilityListener;
import dev.quire.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class GroupCommitFlusherTest
{
    @TempDir
    Path directory;

    private final List<Long> durable = new ArrayList<>();
    private final List<StoreException> failures = new ArrayList<>();
    private final DurabilityListener listener = new DurabilityListener()
    {
        @Override
        public void onDurable(final long durablePosition)
        {
            durable.add(durablePosition);
        }

        @Override
        public void onFailure(final StoreException failure)
        {
            failures.add(failure);
        }
    };

    @Test
    void shouldTellListenersWhatReachedTheDisk() throws Exception
    {
        final CycleFiles files = new CycleFiles(directory);
        files.register(0, Files.createFile(directory.resolve("0.cq4")));
        final GroupCommitFlusher flusher = flusher(files);

        flusher.appended(7);
        flusher.requestFlush(7);
        flusher.doWork();

        assertThat(durable).containsExactly(7L);
        assertThat(failures).isEmpty();
        assertThat(flusher.durablePosition()).isEqualTo(7);
        files.close();
    }

    @Test
    void shouldTellListenersOnceWhenAFlushFailsAndFailEveryLaterWait()
    {
        final CycleFiles files = new CycleFiles(directory);
        files.register(0, directory.resolve("vanished.cq4"));
        final GroupCommitFlusher flusher = flusher(files);

        flusher.appended(7);
        flusher.requestFlush(7);
        flusher.doWork();
        flusher.appended(8);
        flusher.requestFlush(8);
        flusher.doWork();

        assertThat(durable).isEmpty();
        assertThat(failures).singleElement()
            .satisfies(failure -> assertThat(failure.kind()).isEqualTo(StoreException.Kind.IO));
        assertThatThrownBy(() -> flusher.awaitFlushed(8)).isInstanceOf(StoreException.class)
            .hasMessageContaining("forcing the journal to disk failed");
        files.close();
    }

    private GroupCommitFlusher flusher(final CycleFiles files)
    {
        final GroupCommitFlusher flusher = new GroupCommitFlusher(files, position -> 0, 0);
        flusher.addListener(listener);
        return flusher;
    }
}
