package dev.quire.jms;

import dev.quire.store.ChildJvm;
import jakarta.transaction.TransactionManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XA across Quire and a database under the Narayana transaction manager in Java SE: both commit, both
 * roll back, and after the transaction manager's process dies between prepare and commit, recovery
 * commits both.
 */
@Timeout(120)
class XaTransactionsIT
{
    @TempDir
    static Path objectStore;

    private static TransactionManager manager;

    @TempDir
    Path directory;

    @BeforeAll
    static void configureTransactionManager()
    {
        manager = Narayana.configure(objectStore);
    }

    @Test
    void shouldCommitMessageAndRowTogether() throws Exception
    {
        try (XaWork work = new XaWork(directory.resolve("quire"), directory.resolve("db")))
        {
            work.pay(manager, 1, null, true);
            assertThat(work.rows()).containsExactly(1);
            assertThat(work.messages()).containsExactly("payment 1");
        }
    }

    @Test
    void shouldRollBackMessageAndRowTogether() throws Exception
    {
        try (XaWork work = new XaWork(directory.resolve("quire"), directory.resolve("db")))
        {
            work.pay(manager, 2, null, false);
            assertThat(work.rows()).isEmpty();
            assertThat(work.messages()).isEmpty();
        }
    }

    @Test
    void shouldCommitBothAfterTheTransactionManagerDiedBetweenPrepareAndCommit() throws Exception
    {
        final Path quire = directory.resolve("quire");
        final Path database = directory.resolve("db");
        try (ChildJvm child = ChildJvm.start(XaCrashChild.class, directory.resolve("child.log"),
            objectStore.toString(), quire.toString(), database.toString()))
        {
            child.awaitLine("CRASHING", Duration.ofSeconds(60));
            child.kill();
        }
        try (XaWork work = new XaWork(quire, database))
        {
            assertThat(work.rows()).as("the database branch is in doubt until recovery").isEmpty();
            Narayana.recover(() ->
            {
                try
                {
                    return work.resources();
                }
                catch (final java.sql.SQLException ex)
                {
                    throw new IllegalStateException(ex);
                }
            });
            assertThat(work.rows()).containsExactly(42);
            assertThat(work.messages()).containsExactly("payment 42");
        }
    }
}
