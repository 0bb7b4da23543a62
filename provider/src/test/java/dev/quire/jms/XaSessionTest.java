package dev.quire.jms;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * XA sessions driven as a transaction manager drives them: start, end, prepare, commit or roll back,
 * and recover after a restart.
 */
@Timeout(60)
class XaSessionTest
{
    @TempDir
    Path directory;

    private QuireXAConnectionFactory factory()
    {
        return new QuireXAConnectionFactory("quire:" + directory + "?minFreeDisk=0");
    }

    private static Xid xid(final String name)
    {
        return new QuireXid(new dev.quire.store.record.XidValue(7, name.getBytes(StandardCharsets.UTF_8), new byte[] {1}));
    }

    private static String receiveText(final Connection connection, final Queue queue, final long timeout) throws JMSException
    {
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        try (MessageConsumer consumer = session.createConsumer(queue))
        {
            final Message message = consumer.receive(timeout);
            return message == null ? null : ((TextMessage)message).getText();
        }
        finally
        {
            session.close();
        }
    }

    @Test
    void shouldMakeSendsVisibleOnlyWhenTheBranchCommits() throws Exception
    {
        try (XAConnection connection = factory().createXAConnection())
        {
            connection.start();
            final XASession session = connection.createXASession();
            final XAResource resource = session.getXAResource();
            final Queue queue = session.createQueue("xa");
            final Xid xid = xid("send");
            resource.start(xid, XAResource.TMNOFLAGS);
            session.createProducer(queue).send(session.createTextMessage("in branch"));
            resource.end(xid, XAResource.TMSUCCESS);
            assertThat(receiveText(connection, queue, 200)).isNull();
            assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_OK);
            resource.commit(xid, false);
            assertThat(receiveText(connection, queue, 5_000)).isEqualTo("in branch");
            assertThatThrownBy(session::commit).isInstanceOf(TransactionInProgressException.class);
            assertThat(session.getTransacted()).isTrue();
        }
    }

    @Test
    void shouldRedeliverWhatABranchConsumedWhenItRollsBack() throws Exception
    {
        try (XAConnection connection = factory().createXAConnection())
        {
            connection.start();
            final Session plain = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            final Queue queue = plain.createQueue("work");
            plain.createProducer(queue).send(plain.createTextMessage("job"));
            final XASession session = connection.createXASession();
            final XAResource resource = session.getXAResource();
            final MessageConsumer consumer = session.createConsumer(queue);
            final Xid xid = xid("consume");
            resource.start(xid, XAResource.TMNOFLAGS);
            assertThat(((TextMessage)consumer.receive(5_000)).getText()).isEqualTo("job");
            resource.end(xid, XAResource.TMSUCCESS);
            resource.rollback(xid);
            final Message again = consumer.receive(5_000);
            assertThat(again.getJMSRedelivered()).isTrue();
        }
    }

    @Test
    void shouldRecoverPreparedBranchAfterRestartAndCommitIt() throws Exception
    {
        final Xid xid = xid("recover");
        final QuireXAConnectionFactory factory = factory();
        try (XAConnection connection = factory.createXAConnection())
        {
            final XASession session = connection.createXASession();
            final XAResource resource = session.getXAResource();
            resource.start(xid, XAResource.TMNOFLAGS);
            session.createProducer(session.createQueue("xa")).send(session.createTextMessage("prepared"));
            resource.end(xid, XAResource.TMSUCCESS);
            resource.prepare(xid);
        }
        try (XAConnection connection = factory.createXAConnection())
        {
            connection.start();
            final XAResource resource = connection.createXASession().getXAResource();
            assertThat(resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)).containsExactly(xid);
            assertThat(resource.isSameRM(connection.createXASession().getXAResource())).isTrue();
            resource.commit(xid, false);
            assertThat(receiveText(connection, new QuireQueue("xa"), 5_000)).isEqualTo("prepared");
            assertThat(resource.recover(XAResource.TMSTARTRSCAN)).isEmpty();
        }
    }

    @Test
    void shouldNotBeTheSameResourceManagerAcrossDataDirectories(@TempDir final Path other) throws Exception
    {
        try (XAConnection first = factory().createXAConnection();
             XAConnection second = new QuireXAConnectionFactory("quire:" + other + "?minFreeDisk=0").createXAConnection())
        {
            assertThat(first.createXASession().getXAResource().isSameRM(second.createXASession().getXAResource())).isFalse();
        }
    }
}
