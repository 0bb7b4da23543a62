package dev.quire.jms;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The classic JMS API on the embedded broker: the paths every application takes first.
 */
@Timeout(60)
class ClassicApiTest
{
    @TempDir
    Path directory;

    private QuireConnectionFactory factory;
    private Connection connection;

    @BeforeEach
    void open() throws JMSException
    {
        factory = new QuireConnectionFactory("quire:" + directory + "?minFreeDisk=0&maxDeliveries=3");
        connection = factory.createConnection();
        connection.start();
    }

    @AfterEach
    void close() throws JMSException
    {
        connection.close();
    }

    private String text(final Message message) throws JMSException
    {
        return message == null ? null : ((TextMessage)message).getText();
    }

    @Test
    void shouldSendAndReceiveInPriorityOrderWithHeaders() throws JMSException
    {
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("orders");
        final MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("low"), DeliveryMode.PERSISTENT, 1, 0);
        producer.send(session.createTextMessage("high"), DeliveryMode.PERSISTENT, 8, 60_000);
        final MessageConsumer consumer = session.createConsumer(queue);
        final Message high = consumer.receive(5_000);
        assertThat(text(high)).isEqualTo("high");
        assertThat(high.getJMSPriority()).isEqualTo(8);
        assertThat(high.getJMSExpiration()).isGreaterThan(high.getJMSTimestamp());
        assertThat(high.getJMSMessageID()).startsWith("ID:");
        assertThat(high.getJMSDestination()).isEqualTo(queue);
        assertThat(high.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(text(consumer.receive(5_000))).isEqualTo("low");
        assertThat(consumer.receiveNoWait()).isNull();
    }

    @Test
    void shouldRedeliverOnRollbackAndCommitAtomically() throws JMSException
    {
        final Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        final Queue queue = session.createQueue("tx");
        final MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("one"));
        final MessageConsumer consumer = session.createConsumer(queue);
        assertThat(consumer.receive(200)).as("invisible before commit").isNull();
        session.commit();
        final Message first = consumer.receive(5_000);
        assertThat(first.getJMSRedelivered()).isFalse();
        session.rollback();
        final Message again = consumer.receive(5_000);
        assertThat(text(again)).isEqualTo("one");
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        session.commit();
        assertThat(consumer.receive(200)).isNull();
    }

    @Test
    void shouldAcknowledgeAllConsumedOnClientAcknowledgeAndRedeliverOnRecover() throws JMSException
    {
        final Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        final Queue queue = session.createQueue("client");
        final MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("a"));
        producer.send(session.createTextMessage("b"));
        final MessageConsumer consumer = session.createConsumer(queue);
        consumer.receive(5_000);
        consumer.receive(5_000);
        session.recover();
        final Message a = consumer.receive(5_000);
        assertThat(text(a)).isEqualTo("a");
        assertThat(a.getJMSRedelivered()).isTrue();
        final Message b = consumer.receive(5_000);
        b.acknowledge();
        consumer.close();
        final MessageConsumer again = session.createConsumer(queue);
        assertThat(again.receive(200)).isNull();
    }

    @Test
    void shouldDeadLetterAfterRepeatedRollbacks() throws JMSException
    {
        final Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        final Queue queue = session.createQueue("poison");
        session.createProducer(queue).send(session.createTextMessage("bad"));
        session.commit();
        final MessageConsumer consumer = session.createConsumer(queue);
        for (int attempt = 1; attempt <= 3; attempt++)
        {
            assertThat(consumer.receive(5_000)).isNotNull();
            session.rollback();
        }
        assertThat(consumer.receive(200)).isNull();
        final MessageConsumer dlq = session.createConsumer(session.createQueue("DLQ.poison"));
        final Message dead = dlq.receive(5_000);
        assertThat(text(dead)).isEqualTo("bad");
        assertThat(dead.getStringProperty("_QUIRE_DLQ_REASON")).isEqualTo("MAX_DELIVERIES");
        session.commit();
    }

    @Test
    void shouldSelectOnDeliveryCount() throws JMSException
    {
        final Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        final Queue queue = session.createQueue("retried");
        session.createProducer(queue).send(session.createTextMessage("again"));
        final MessageConsumer firstTimers = session.createConsumer(queue, "JMSXDeliveryCount = 1");
        assertThat(text(firstTimers.receive(5_000))).isEqualTo("again");
        firstTimers.close();
        session.recover();
        final MessageConsumer retries = session.createConsumer(queue, "JMSXDeliveryCount > 1");
        final Message retried = retries.receive(5_000);
        assertThat(retried.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        retried.acknowledge();
    }

    @Test
    void shouldDeliverToListenersOnTheSessionThread() throws Exception
    {
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("listened");
        final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        session.createConsumer(queue).setMessageListener(message ->
        {
            try
            {
                received.add(text(message));
            }
            catch (final JMSException ex)
            {
                throw new IllegalStateException(ex);
            }
        });
        final Session producing = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final MessageProducer producer = producing.createProducer(queue);
        producer.send(producing.createTextMessage("x"));
        producer.send(producing.createTextMessage("y"));
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("x");
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("y");
    }

    @Test
    void shouldPublishToDurableSubscriberAcrossReconnect() throws JMSException
    {
        connection.close();
        connection = factory.createConnection();
        connection.setClientID("app");
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Topic topic = session.createTopic("prices");
        session.createDurableSubscriber(topic, "audit").close();
        session.createProducer(topic).send(session.createTextMessage("tick"));
        connection.close();

        connection = factory.createConnection();
        connection.setClientID("app");
        connection.start();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final MessageConsumer subscriber = session.createDurableSubscriber(topic, "audit");
        assertThat(text(subscriber.receive(5_000))).isEqualTo("tick");
        subscriber.close();
        session.unsubscribe("audit");
        assertThatThrownBy(() -> connection.createSession().unsubscribe("audit")).isInstanceOf(JMSException.class);
    }

    @Test
    void shouldReopenBrokerHoldingDurableSubscriptionWithSelector() throws JMSException
    {
        connection.close();
        connection = factory.createConnection();
        connection.setClientID("app");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Topic topic = session.createTopic("colors");
        session.createDurableSubscriber(topic, "reds", "color = 'red'", false).close();
        final MessageProducer producer = session.createProducer(topic);
        for (final String color : List.of("red", "blue"))
        {
            final TextMessage message = session.createTextMessage(color);
            message.setStringProperty("color", color);
            producer.send(message);
        }
        connection.close();

        connection = factory.createConnection();
        connection.setClientID("app");
        connection.start();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final MessageConsumer subscriber = session.createDurableSubscriber(topic, "reds", "color = 'red'", false);
        assertThat(text(subscriber.receive(5_000))).isEqualTo("red");
        assertThat(subscriber.receive(200)).isNull();
    }

    @Test
    void shouldBrowseWithoutConsumingAndFilterBySelector() throws JMSException
    {
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("browsed");
        final MessageProducer producer = session.createProducer(queue);
        for (final String color : List.of("red", "blue", "red"))
        {
            final TextMessage message = session.createTextMessage(color);
            message.setStringProperty("color", color);
            producer.send(message);
        }
        final QueueBrowser browser = session.createBrowser(queue, "color = 'red'");
        assertThat(count(browser.getEnumeration())).isEqualTo(2);
        final MessageConsumer consumer = session.createConsumer(queue, "color <> 'red'");
        assertThat(text(consumer.receive(5_000))).isEqualTo("blue");
        assertThat(count(session.createBrowser(queue).getEnumeration())).isEqualTo(2);
    }

    private static int count(final java.util.Enumeration<?> enumeration)
    {
        int count = 0;
        while (enumeration.hasMoreElements())
        {
            enumeration.nextElement();
            count++;
        }
        return count;
    }

    @Test
    void shouldCompleteAsynchronousSendsInOrder() throws Exception
    {
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final MessageProducer producer = session.createProducer(session.createQueue("async"));
        final List<String> completed = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch done = new CountDownLatch(10);
        for (int i = 0; i < 10; i++)
        {
            producer.send(session.createTextMessage("m" + i), new CompletionListener()
            {
                @Override
                public void onCompletion(final Message message)
                {
                    try
                    {
                        completed.add(text(message));
                    }
                    catch (final JMSException ex)
                    {
                        throw new IllegalStateException(ex);
                    }
                    done.countDown();
                }

                @Override
                public void onException(final Message message, final Exception exception)
                {
                    done.countDown();
                }
            });
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(completed).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
    }

    @Test
    void shouldLimitTemporaryQueueToItsConnection() throws JMSException
    {
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final TemporaryQueue temporary = session.createTemporaryQueue();
        session.createProducer(temporary).send(session.createTextMessage("reply"));
        assertThat(text(session.createConsumer(temporary).receive(5_000))).isEqualTo("reply");
        final Connection other = factory.createConnection();
        try
        {
            assertThatThrownBy(() -> other.createSession().createConsumer(temporary))
                .isInstanceOf(jakarta.jms.InvalidDestinationException.class);
        }
        finally
        {
            other.close();
        }
    }

    @Test
    void shouldRefuseUseAfterClose() throws JMSException
    {
        final Session session = connection.createSession();
        final MessageProducer producer = session.createProducer(session.createQueue("q"));
        session.close();
        assertThatThrownBy(() -> producer.send(session.createTextMessage("x")))
            .isInstanceOf(jakarta.jms.IllegalStateException.class);
        assertThatThrownBy(session::createTextMessage).isInstanceOf(jakarta.jms.IllegalStateException.class);
        connection.close();
        assertThatThrownBy(connection::createSession).isInstanceOf(jakarta.jms.IllegalStateException.class);
    }

    @Test
    void shouldDeliverEveryNonPersistentMessageSentWithoutWaitingInOrder() throws JMSException
    {
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("ticks");
        final MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        final int count = UnconfirmedSends.WINDOW * 3;
        for (int i = 0; i < count; i++)
        {
            producer.send(session.createTextMessage(Integer.toString(i)));
        }
        producer.close();
        final MessageConsumer consumer = session.createConsumer(queue);
        for (int i = 0; i < count; i++)
        {
            assertThat(text(consumer.receive(5_000))).isEqualTo(Integer.toString(i));
        }
        assertThat(consumer.receiveNoWait()).isNull();
    }

    @Test
    void shouldFailANonPersistentSendToATopicsNameInTheSendCall() throws JMSException
    {
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createConsumer(session.createTopic("prices"));
        final MessageProducer producer = session.createProducer(session.createQueue("prices"));
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);

        assertThatThrownBy(() -> producer.send(session.createTextMessage("x")))
            .isInstanceOf(jakarta.jms.InvalidDestinationException.class)
            .hasMessageContaining("is a topic");
    }

    @Test
    void shouldLetAThreadSendManyNonPersistentMessagesBeforeReceivingThemOnItsOwnConsumer() throws JMSException
    {
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("batch");
        final MessageConsumer consumer = session.createConsumer(queue);
        final MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        final int count = 2_000;
        for (int i = 0; i < count; i++)
        {
            producer.send(session.createTextMessage(Integer.toString(i)));
        }
        for (int i = 0; i < count; i++)
        {
            assertThat(text(consumer.receive(5_000))).isEqualTo(Integer.toString(i));
        }
    }
}
