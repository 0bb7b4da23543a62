package dev.quire.jms;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of the JMS specification that are easy to get wrong: administered client ids, stopped
 * connections, what callbacks may not do, the domains of queue and topic sessions, and recover with
 * prefetched messages.
 */
@Timeout(60)
class SpecRulesTest
{
    @TempDir
    Path directory;

    private QuireConnectionFactory factory;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void open()
    {
        factory = new QuireConnectionFactory("quire:" + directory + "?minFreeDisk=0");
    }

    @AfterEach
    void close() throws Exception
    {
        for (final AutoCloseable closeable : toClose)
        {
            closeable.close();
        }
    }

    private <T extends AutoCloseable> T closing(final T closeable)
    {
        toClose.add(0, closeable);
        return closeable;
    }

    private static String text(final Message message) throws JMSException
    {
        return message == null ? null : ((TextMessage)message).getText();
    }

    private void send(final String queueName, final String... texts) throws JMSException
    {
        try (Connection connection = factory.createConnection())
        {
            final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            final MessageProducer producer = session.createProducer(session.createQueue(queueName));
            for (final String text : texts)
            {
                producer.send(session.createTextMessage(text));
            }
        }
    }

    @Test
    void shouldGiveEveryConnectionTheAdministeredClientIdAndRefuseToChangeIt() throws JMSException
    {
        final QuireConnectionFactory administered =
            new QuireConnectionFactory("quire:" + directory + "?minFreeDisk=0&clientId=billing");
        final Connection connection = closing(administered.createConnection());
        assertThat(connection.getClientID()).isEqualTo("billing");
        assertThatThrownBy(() -> connection.setClientID("other")).isInstanceOf(jakarta.jms.IllegalStateException.class)
            .hasMessageContaining("billing");
        assertThatThrownBy(administered::createConnection).isInstanceOf(InvalidClientIDException.class)
            .hasMessageContaining("billing");
        final Connection plain = closing(factory.createConnection());
        assertThat(plain.getClientID()).isNull();
    }

    @Test
    void shouldLetAContextSetItsClientIdBeforeItIsUsedOnly()
    {
        final JMSContext context = closing(factory.createContext());
        context.setClientID("first");
        assertThat(context.getClientID()).isEqualTo("first");
        final JMSContext other = closing(factory.createContext());
        other.createProducer();
        assertThatThrownBy(() -> other.setClientID("second")).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void shouldNotHoldMessagesForAConsumerOfAStoppedConnection() throws JMSException
    {
        final Connection stopped = closing(factory.createConnection());
        final Session stoppedSession = stopped.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final MessageConsumer idle = stoppedSession.createConsumer(stoppedSession.createQueue("work"));
        final JMSContext context = closing(factory.createContext());
        final JMSConsumer active = context.createConsumer(context.createQueue("work"));
        send("work", "one", "two");
        assertThat(active.receiveBody(String.class, 5_000)).isEqualTo("one");
        assertThat(active.receiveBody(String.class, 5_000)).isEqualTo("two");
        assertThat(idle.receiveNoWait()).isNull();
    }

    @Test
    void shouldGiveBackWhatAConsumerPrefetchedWhenItsConnectionStops() throws JMSException
    {
        final Connection first = closing(factory.createConnection());
        final Session firstSession = first.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final MessageConsumer firstConsumer = firstSession.createConsumer(firstSession.createQueue("work"));
        first.start();
        send("work", "one", "two", "three");
        assertThat(text(firstConsumer.receive(5_000))).isEqualTo("one");
        first.stop();
        final Connection second = closing(factory.createConnection());
        final Session secondSession = second.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final MessageConsumer secondConsumer = secondSession.createConsumer(secondSession.createQueue("work"));
        second.start();
        assertThat(text(secondConsumer.receive(5_000))).isEqualTo("two");
        assertThat(text(secondConsumer.receive(5_000))).isEqualTo("three");
        first.start();
        assertThat(firstConsumer.receiveNoWait()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"1, true", "64, false"})
    void shouldPrefetchNoMoreThanConfiguredSoALaterHigherPriorityMessageOvertakesTheRest(final int prefetch,
        final boolean overtakes) throws JMSException
    {
        final QuireConnectionFactory configured = new QuireConnectionFactory("quire:" + directory +
            "?minFreeDisk=0&prefetch=" + prefetch);
        final Connection connection = closing(configured.createConnection());
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("prefetched");
        final MessageConsumer consumer = session.createConsumer(queue);
        connection.start();
        final MessageProducer producer = session.createProducer(queue);
        for (final String text : List.of("a", "b", "c", "d"))
        {
            producer.send(session.createTextMessage(text), DeliveryMode.PERSISTENT, 1, 0);
        }
        assertThat(text(consumer.receive(5_000))).isEqualTo("a");

        producer.send(session.createTextMessage("urgent"), DeliveryMode.PERSISTENT, 9, 0);

        final List<String> rest = new ArrayList<>();
        for (int i = 0; i < 4; i++)
        {
            rest.add(text(consumer.receive(5_000)));
        }
        assertThat(rest).containsExactlyInAnyOrder("b", "c", "d", "urgent");
        assertThat(rest.indexOf("urgent") < rest.indexOf("c")).as("urgent delivered before c: %s", rest)
            .isEqualTo(overtakes);
    }

    @Test
    void shouldRefuseToCloseFromACompletionListener() throws Exception
    {
        final Connection connection = closing(factory.createConnection());
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final MessageProducer producer = session.createProducer(session.createQueue("async"));
        final List<Class<?>> refusals = new ArrayList<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        producer.send(session.createTextMessage("x"), new CompletionListener()
        {
            @Override
            public void onCompletion(final Message message)
            {
                for (final AutoCloseable target : List.<AutoCloseable>of(producer, session, connection))
                {
                    try
                    {
                        target.close();
                    }
                    catch (final Exception ex)
                    {
                        refusals.add(ex.getClass());
                    }
                }
                done.complete(null);
            }

            @Override
            public void onException(final Message message, final Exception exception)
            {
                done.completeExceptionally(exception);
            }
        });
        done.get(10, TimeUnit.SECONDS);
        assertThat(refusals).containsOnly(jakarta.jms.IllegalStateException.class).hasSize(3);
    }

    @Test
    void shouldRefuseToCloseAContextFromItsCompletionListener() throws Exception
    {
        final JMSContext context = closing(factory.createContext());
        final CompletableFuture<Throwable> refusal = new CompletableFuture<>();
        context.createProducer().setAsync(new CompletionListener()
        {
            @Override
            public void onCompletion(final Message message)
            {
                try
                {
                    context.close();
                    refusal.complete(null);
                }
                catch (final RuntimeException ex)
                {
                    refusal.complete(ex);
                }
            }

            @Override
            public void onException(final Message message, final Exception exception)
            {
                refusal.complete(exception);
            }
        }).send(context.createQueue("async"), "x");
        assertThat(refusal.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void shouldRefuseTheTopicDomainOnAQueueSession() throws JMSException
    {
        final QueueConnection connection = closing(factory.createQueueConnection());
        final QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThat(session.createQueue("q")).isNotNull();
        final jakarta.jms.Topic topic = new QuireTopic("t");
        assertThatThrownBy(() -> session.createTopic("t")).isInstanceOf(jakarta.jms.IllegalStateException.class);
        assertThatThrownBy(session::createTemporaryTopic).isInstanceOf(jakarta.jms.IllegalStateException.class);
        assertThatThrownBy(() -> session.createDurableSubscriber(topic, "s"))
            .isInstanceOf(jakarta.jms.IllegalStateException.class);
        assertThatThrownBy(() -> session.createSharedConsumer(topic, "s"))
            .isInstanceOf(jakarta.jms.IllegalStateException.class);
        assertThatThrownBy(() -> session.createSharedDurableConsumer(topic, "s"))
            .isInstanceOf(jakarta.jms.IllegalStateException.class);
        assertThatThrownBy(() -> session.unsubscribe("s")).isInstanceOf(jakarta.jms.IllegalStateException.class);
    }

    @Test
    void shouldRefuseTheQueueDomainOnATopicSession() throws JMSException
    {
        final TopicConnection connection = closing(factory.createTopicConnection());
        final TopicSession session = connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThat(session.createTopic("t")).isNotNull();
        final Queue queue = new QuireQueue("q");
        assertThatThrownBy(() -> session.createQueue("q")).isInstanceOf(jakarta.jms.IllegalStateException.class);
        assertThatThrownBy(session::createTemporaryQueue).isInstanceOf(jakarta.jms.IllegalStateException.class);
        assertThatThrownBy(() -> session.createBrowser(queue)).isInstanceOf(jakarta.jms.IllegalStateException.class);
    }

    @Test
    void shouldDeliverEachMessageOnceMoreAfterRecoverWithSeveralPrefetchingConsumers() throws JMSException
    {
        final Connection connection = closing(factory.createConnection());
        final Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        final Queue queue = session.createQueue("recover");
        final List<MessageConsumer> consumers = List.of(session.createConsumer(queue), session.createConsumer(queue),
            session.createConsumer(queue));
        send("recover", "a", "b", "c", "d", "e", "f");
        connection.start();
        final Message first = consumers.get(0).receive(5_000);
        assertThat(first).isNotNull();
        first.acknowledge();
        for (int round = 0; round < 3; round++)
        {
            session.recover();
        }
        final List<String> received = new ArrayList<>();
        for (final MessageConsumer consumer : consumers)
        {
            for (Message message = consumer.receive(500); message != null; message = consumer.receive(500))
            {
                received.add(text(message));
                message.acknowledge();
            }
        }
        assertThat(received).hasSize(5).doesNotHaveDuplicates().doesNotContain(text(first));
    }
    @Test
    void shouldUnsubscribeASharedDurableSubscription() throws JMSException
    {
        final Connection connection = closing(factory.createConnection());
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Topic topic = session.createTopic("news");
        session.createSharedDurableConsumer(topic, "archive").close();
        session.unsubscribe("archive");
        assertThatThrownBy(() -> session.unsubscribe("archive")).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void shouldRefuseToJoinASharedSubscriptionWithAnotherSelector() throws JMSException
    {
        final Connection connection = closing(factory.createConnection());
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Topic topic = session.createTopic("news");
        session.createSharedConsumer(topic, "desk", "region = 'EU'");
        assertThatThrownBy(() -> session.createSharedConsumer(topic, "desk", "region = 'US'"))
            .isInstanceOf(JMSException.class).hasMessageContaining("desk");
    }

    @Test
    void shouldRefuseASubscriptionToAnotherConnectionsTemporaryTopic() throws JMSException
    {
        final Connection owner = closing(factory.createConnection());
        final TemporaryTopic temporary = owner.createSession(false, Session.AUTO_ACKNOWLEDGE).createTemporaryTopic();
        final Connection other = closing(factory.createConnection());
        other.setClientID("other");
        final Session session = other.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> session.createDurableConsumer(temporary, "s"))
            .isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> session.createSharedConsumer(temporary, "s"))
            .isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void shouldWaitForCompletionListenersWhenTheSessionCloses() throws JMSException
    {
        final Connection connection = closing(factory.createConnection());
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final MessageProducer producer = session.createProducer(session.createQueue("async"));
        final AtomicInteger completed = new AtomicInteger();
        final int sends = 200;
        for (int i = 0; i < sends; i++)
        {
            producer.send(session.createTextMessage("m" + i), new CompletionListener()
            {
                @Override
                public void onCompletion(final Message message)
                {
                    completed.incrementAndGet();
                }

                @Override
                public void onException(final Message message, final Exception exception)
                {
                    completed.incrementAndGet();
                }
            });
        }
        session.close();
        assertThat(completed.get()).isEqualTo(sends);
    }

    @Test
    void shouldKeepDeliveringToListenersAfterOneThrowsAnError() throws Exception
    {
        send("fragile", "first", "second");
        final Connection connection = closing(factory.createConnection());
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
        final AtomicInteger calls = new AtomicInteger();
        session.createConsumer(session.createQueue("fragile")).setMessageListener(message ->
        {
            try
            {
                seen.add(text(message) + "#" + message.getIntProperty("JMSXDeliveryCount"));
            }
            catch (final JMSException ex)
            {
                throw new IllegalStateException(ex);
            }
            if (calls.incrementAndGet() == 1)
            {
                throw new AssertionError("listener bug");
            }
        });
        connection.start();
        final List<String> received = new ArrayList<>();
        while (received.size() < 3)
        {
            final String next = seen.poll(10, TimeUnit.SECONDS);
            assertThat(next).as("deliveries so far: %s", received).isNotNull();
            received.add(next);
        }
        assertThat(received).containsExactlyInAnyOrder("first#1", "first#2", "second#1");
    }

    @Test
    void shouldRefuseToSendToADeletedTemporaryQueue() throws JMSException
    {
        final Connection connection = closing(factory.createConnection());
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final TemporaryQueue replies = session.createTemporaryQueue();
        final MessageProducer producer = session.createProducer(replies);
        producer.send(session.createTextMessage("before"));
        replies.delete();
        assertThatThrownBy(() -> producer.send(session.createTextMessage("after")))
            .isInstanceOf(InvalidDestinationException.class).hasMessageContaining("does not exist");
    }
}
