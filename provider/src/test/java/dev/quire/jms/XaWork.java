package dev.quire.jms;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import org.h2.jdbcx.JdbcDataSource;

import javax.transaction.xa.XAResource;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One unit of XA work, as an application does it: in one JTA transaction, send a message with Quire and
 * insert a row into a database (H2, file-based, with real two-phase commit).
 */
final class XaWork implements AutoCloseable
{
    static final String QUEUE = "payments";

    private final QuireXAConnectionFactory factory;
    private final XAConnection jms;
    private final XASession session;
    private final javax.sql.XAConnection database;

    XaWork(final Path quireDirectory, final Path databaseFile) throws JMSException, SQLException
    {
        factory = new QuireXAConnectionFactory("quire:" + quireDirectory + "?minFreeDisk=0");
        jms = factory.createXAConnection();
        session = jms.createXASession();
        final JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + databaseFile + ";FILE_LOCK=FS");
        database = dataSource.getXAConnection();
        try (java.sql.Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement())
        {
            statement.execute("CREATE TABLE IF NOT EXISTS payments (id INT PRIMARY KEY)");
        }
    }

    /**
     * Sends "payment id" and inserts row id in one transaction; {@code first}, when given, is enlisted
     * before both.
     */
    void pay(final TransactionManager manager, final int id, final XAResource first, final boolean commit) throws Exception
    {
        manager.begin();
        final Transaction transaction = manager.getTransaction();
        if (first != null)
        {
            transaction.enlistResource(first);
        }
        transaction.enlistResource(session.getXAResource());
        transaction.enlistResource(database.getXAResource());
        session.createProducer(session.createQueue(QUEUE)).send(session.createTextMessage("payment " + id));
        try (Statement statement = database.getConnection().createStatement())
        {
            statement.executeUpdate("INSERT INTO payments (id) VALUES (" + id + ")");
        }
        if (commit)
        {
            manager.commit();
        }
        else
        {
            manager.rollback();
        }
    }

    XAResource[] resources() throws SQLException
    {
        return new XAResource[] {session.getXAResource(), database.getXAResource()};
    }

    List<String> messages() throws JMSException
    {
        final List<String> texts = new ArrayList<>();
        try (Connection connection = factory.createConnection())
        {
            connection.start();
            final Session reader = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            final MessageConsumer consumer = reader.createConsumer(reader.createQueue(QUEUE));
            for (Message message = consumer.receive(1_000); message != null; message = consumer.receive(200))
            {
                texts.add(((TextMessage)message).getText());
            }
        }
        return texts;
    }

    List<Integer> rows() throws SQLException
    {
        final List<Integer> ids = new ArrayList<>();
        try (Statement statement = database.getConnection().createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM payments ORDER BY id"))
        {
            while (rows.next())
            {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }

    @Override
    public void close() throws JMSException, SQLException
    {
        database.close();
        jms.close();
    }
}
