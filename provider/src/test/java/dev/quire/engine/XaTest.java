package dev.quire.engine;

import dev.quire.store.record.DestinationKind;
import dev.quire.store.record.XidValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static dev.quire.engine.BrokerFixture.text;
import static dev.quire.engine.BrokerFixture.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(30)
class XaTest
{
    @TempDir
    Path directory;

    private BrokerFixture fixture;
    private Broker broker;
    private final XidValue xid = xid("tx-1");

    private static XidValue xid(final String global)
    {
        return new XidValue(4660, global.getBytes(StandardCharsets.UTF_8), new byte[] {1});
    }

    @BeforeEach
    void open()
    {
        fixture = new BrokerFixture(directory);
        broker = fixture.broker;
    }

    @AfterEach
    void close()
    {
        fixture.close();
    }

    private static void assertXaError(final int code, final Executable call)
    {
        final XAException ex = assertThrows(XAException.class, call);
        assertThat(ex.errorCode).as(ex.getMessage()).isEqualTo(code);
    }

    private void sendInBranch(final XidValue branch, final String text) throws XAException
    {
        final long transaction = broker.xaStart(branch, XAResource.TMNOFLAGS);
        broker.send(transaction, DestinationKind.QUEUE, "orders", text(text), 0);
        broker.xaEnd(branch, XAResource.TMSUCCESS);
    }

    @Test
    void shouldCommitPreparedBranchAndMakeItsSendsVisible() throws Exception
    {
        sendInBranch(xid, "xa-message");
        assertThat(broker.xaPrepare(xid)).isEqualTo(XAResource.XA_OK);
        assertThat(broker.xaRecover()).containsExactly(xid);
        assertThat(broker.depth("orders")).as("prepared sends stay invisible").isZero();
        broker.xaCommit(xid, false);
        assertThat(broker.xaRecover()).isEmpty();
        assertThat(broker.depth("orders")).isEqualTo(1);
    }

    @Test
    void shouldRecoverPreparedBranchAfterRestartAndCommitIt() throws Exception
    {
        sendInBranch(xid, "xa-message");
        broker.xaPrepare(xid);
        fixture.restart();
        broker = fixture.broker;
        assertThat(broker.xaRecover()).containsExactly(xid);
        final CollectingSink sink = new CollectingSink();
        broker.openConsumer(broker.openSession(), ConsumerSpec.queue("orders", 5), sink);
        assertThat(broker.depth("orders")).isZero();
        sink.assertEmpty(Duration.ofMillis(30));
        broker.xaCommit(xid, false);
        assertThat(textOf(sink.take())).isEqualTo("xa-message");
    }

    @Test
    void shouldLockAcknowledgedMessagesOfPreparedBranchUntilItsOutcome() throws Exception
    {
        fixture.send("orders", text("work"));
        final long session = broker.openSession();
        final CollectingSink sink = new CollectingSink();
        broker.openConsumer(session, ConsumerSpec.queue("orders", 5), sink);
        final Delivery delivery = sink.take();
        final long transaction = broker.xaStart(xid, XAResource.TMNOFLAGS);
        broker.acknowledge(session, transaction, delivery.deliveryTag());
        broker.xaEnd(xid, XAResource.TMSUCCESS);
        broker.xaPrepare(xid);

        fixture.restart();
        broker = fixture.broker;
        final CollectingSink afterRestart = new CollectingSink();
        broker.openConsumer(broker.openSession(), ConsumerSpec.queue("orders", 5), afterRestart);
        assertThat(broker.depth("orders")).isEqualTo(1);
        afterRestart.assertEmpty(Duration.ofMillis(30));

        broker.xaRollback(xid);
        final Delivery again = afterRestart.take();
        assertThat(textOf(again)).isEqualTo("work");
        assertThat(again.redelivered()).isTrue();
    }

    @Test
    void shouldCommitInOnePhaseWithoutPrepare() throws Exception
    {
        sendInBranch(xid, "one-phase");
        broker.xaCommit(xid, true);
        assertThat(broker.depth("orders")).isEqualTo(1);
        fixture.restart();
        assertThat(fixture.broker.depth("orders")).isEqualTo(1);
        assertThat(fixture.broker.xaRecover()).isEmpty();
    }

    @Test
    void shouldAnswerReadOnlyForBranchThatDidNothing() throws Exception
    {
        broker.xaStart(xid, XAResource.TMNOFLAGS);
        broker.xaEnd(xid, XAResource.TMSUCCESS);
        assertThat(broker.xaPrepare(xid)).isEqualTo(XAResource.XA_RDONLY);
        assertXaError(XAException.XAER_NOTA, () -> broker.xaCommit(xid, false));
    }

    @Test
    void shouldReportXaErrorCodesForProtocolViolations() throws Exception
    {
        assertXaError(XAException.XAER_NOTA, () -> broker.xaEnd(xid, XAResource.TMSUCCESS));
        assertXaError(XAException.XAER_NOTA, () -> broker.xaPrepare(xid));
        assertXaError(XAException.XAER_NOTA, () -> broker.xaCommit(xid, false));
        assertXaError(XAException.XAER_NOTA, () -> broker.xaRollback(xid));
        assertXaError(XAException.XAER_NOTA, () -> broker.xaStart(xid, XAResource.TMJOIN));
        assertXaError(XAException.XAER_NOTA, () -> broker.xaForget(xid));

        broker.xaStart(xid, XAResource.TMNOFLAGS);
        assertXaError(XAException.XAER_DUPID, () -> broker.xaStart(xid, XAResource.TMNOFLAGS));
        assertXaError(XAException.XAER_PROTO, () -> broker.xaPrepare(xid));
        assertXaError(XAException.XAER_PROTO, () -> broker.xaCommit(xid, true));
        assertXaError(XAException.XAER_PROTO, () -> broker.xaStart(xid, XAResource.TMRESUME));
        broker.xaEnd(xid, XAResource.TMSUSPEND);
        broker.xaStart(xid, XAResource.TMRESUME);
        broker.xaEnd(xid, XAResource.TMSUCCESS);
        assertXaError(XAException.XAER_PROTO, () -> broker.xaCommit(xid, false));
    }

    @Test
    void shouldRollBackBranchMarkedRollbackOnly() throws Exception
    {
        final long transaction = broker.xaStart(xid, XAResource.TMNOFLAGS);
        broker.send(transaction, DestinationKind.QUEUE, "orders", text("doomed"), 0);
        broker.xaEnd(xid, XAResource.TMFAIL);
        assertXaError(XAException.XA_RBROLLBACK, () -> broker.xaPrepare(xid));
        assertXaError(XAException.XAER_NOTA, () -> broker.xaRollback(xid));
        assertThat(broker.depth("orders")).isEqualTo(-1);
    }

    @Test
    void shouldRefuseOnePhaseCommitOfPreparedBranch() throws Exception
    {
        sendInBranch(xid, "two-phase");
        broker.xaPrepare(xid);
        assertXaError(XAException.XAER_PROTO, () -> broker.xaCommit(xid, true));
        broker.xaRollback(xid);
        assertThat(broker.xaRecover()).isEmpty();
        fixture.restart();
        assertThat(fixture.broker.xaRecover()).isEmpty();
        assertThat(fixture.broker.depth("orders")).isZero();
    }

    @Test
    void shouldJoinBranchFromAnotherAssociation() throws Exception
    {
        final long first = broker.xaStart(xid, XAResource.TMNOFLAGS);
        broker.send(first, DestinationKind.QUEUE, "orders", text("a"), 0);
        broker.xaEnd(xid, XAResource.TMSUCCESS);
        final long joined = broker.xaStart(xid, XAResource.TMJOIN);
        assertThat(joined).isEqualTo(first);
        broker.send(joined, DestinationKind.QUEUE, "orders", text("b"), 0);
        broker.xaEnd(xid, XAResource.TMSUCCESS);
        broker.xaPrepare(xid);
        broker.xaCommit(xid, false);
        assertThat(broker.depth("orders")).isEqualTo(2);
    }

    @Test
    void shouldReportAClosedBrokerAsAnUnavailableResourceManager()
    {
        broker.close();
        assertXaError(XAException.XAER_RMFAIL, () -> broker.xaStart(xid, XAResource.TMNOFLAGS));
        assertXaError(XAException.XAER_RMFAIL, () -> broker.xaPrepare(xid));
        assertXaError(XAException.XAER_RMFAIL, broker::xaRecover);
    }

    @Test
    void shouldRollBackABranchWhoseSendWasRefusedAtPrepare() throws XAException
    {
        broker.createTopic("prices");
        final long transaction = broker.xaStart(xid, XAResource.TMNOFLAGS);
        broker.send(transaction, DestinationKind.QUEUE, "prices", text("wrong kind"), 0);
        broker.xaEnd(xid, XAResource.TMSUCCESS);
        assertXaError(XAException.XA_RBROLLBACK, () -> broker.xaPrepare(xid));
        assertThat(broker.xaRecover()).isEmpty();
    }
}
