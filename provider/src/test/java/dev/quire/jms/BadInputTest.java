package dev.quire.jms;

import jakarta.jms.Connection;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad input gets the exception the specification names and a message a person can act on, and leaves
 * the broker working.
 */
@Timeout(60)
class BadInputTest
{
    @TempDir
    Path directory;

    private QuireConnectionFactory factory;
    private Connection connection;
    private Session session;

    @BeforeEach
    void open() throws JMSException
    {
        factory = new QuireConnectionFactory("quire:" + directory + "?minFreeDisk=0&maxRecordSize=64k&blockSize=1m");
        connection = factory.createConnection();
        connection.start();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @AfterEach
    void close() throws JMSException
    {
        connection.close();
    }

    @Test
    void shouldRefuseNullAndEmptyDestinations()
    {
        assertThatThrownBy(() -> session.createConsumer(null)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> session.createQueue("")).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> session.createTopic(null)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> session.createProducer(null).send(null, session.createMessage()))
            .isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> session.createDurableSubscriber(null, "sub")).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void shouldRefuseSendsThatDoNotFitTheProducer() throws JMSException
    {
        final Queue queue = session.createQueue("q");
        final MessageProducer bound = session.createProducer(queue);
        assertThatThrownBy(() -> bound.send(session.createQueue("other"), session.createMessage()))
            .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> session.createProducer(null).send(session.createMessage()))
            .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> bound.send(null)).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> bound.setPriority(10)).isInstanceOf(JMSException.class).hasMessageContaining("priority");
        assertThatThrownBy(() -> bound.setDeliveryMode(3)).isInstanceOf(JMSException.class).hasMessageContaining("delivery mode");
        assertThatThrownBy(() -> bound.send(session.createMessage(), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseInvalidSelectorsNamingThePosition() throws JMSException
    {
        final Queue queue = session.createQueue("q");
        assertThatThrownBy(() -> session.createConsumer(queue, "color = 'red' AND"))
            .isInstanceOf(InvalidSelectorException.class).hasMessageContaining("position");
        assertThatThrownBy(() -> session.createBrowser(queue, "x >"))
            .isInstanceOf(InvalidSelectorException.class);
    }

    @Test
    void shouldRefuseCallsTheSessionModeDoesNotAllow() throws JMSException
    {
        assertThatThrownBy(session::commit).isInstanceOf(jakarta.jms.IllegalStateException.class);
        assertThatThrownBy(session::rollback).isInstanceOf(jakarta.jms.IllegalStateException.class);
        final Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        assertThatThrownBy(transacted::recover).isInstanceOf(jakarta.jms.IllegalStateException.class);
        final MessageConsumer consumer = session.createConsumer(session.createQueue("q"));
        consumer.setMessageListener(message -> { });
        assertThatThrownBy(() -> consumer.receive(10)).isInstanceOf(jakarta.jms.IllegalStateException.class);
        assertThatThrownBy(() -> session.createDurableSubscriber(session.createTopic("t"), "sub"))
            .isInstanceOf(jakarta.jms.IllegalStateException.class).hasMessageContaining("client id");
    }

    @Test
    void shouldRefuseClientIdRulesViolations() throws JMSException
    {
        try (Connection first = factory.createConnection(); Connection second = factory.createConnection())
        {
            first.setClientID("unique");
            assertThatThrownBy(() -> first.setClientID("again")).isInstanceOf(jakarta.jms.IllegalStateException.class);
            assertThatThrownBy(() -> second.setClientID("unique")).isInstanceOf(InvalidClientIDException.class);
        }
        assertThatThrownBy(() -> connection.setClientID("late")).isInstanceOf(jakarta.jms.IllegalStateException.class);
    }

    @Test
    void shouldRefuseOversizedMessageAndKeepWorking() throws JMSException
    {
        final Queue queue = session.createQueue("big");
        final MessageProducer producer = session.createProducer(queue);
        assertThatThrownBy(() -> producer.send(session.createTextMessage("x".repeat(100_000))))
            .isInstanceOf(JMSException.class).hasMessageContaining("exceeds the maximum record size");
        producer.send(session.createTextMessage("small"));
        final Message received = session.createConsumer(queue).receive(5_000);
        assertThat(((TextMessage)received).getText()).isEqualTo("small");
    }

    @Test
    void shouldDeliverEveryMessageExactlyOnceWithManyConcurrentProducers() throws Exception
    {
        final int threads = 8;
        final int perThread = 200;
        final ExecutorService executor = Executors.newFixedThreadPool(threads);
        final List<Future<?>> sends = new ArrayList<>();
        for (int t = 0; t < threads; t++)
        {
            final int thread = t;
            sends.add(executor.submit(() ->
            {
                final Session own = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                final MessageProducer producer = own.createProducer(own.createQueue("busy"));
                for (int i = 0; i < perThread; i++)
                {
                    producer.send(own.createTextMessage(thread + ":" + i));
                }
                own.close();
                return null;
            }));
        }
        for (final Future<?> send : sends)
        {
            send.get();
        }
        executor.shutdown();
        final MessageConsumer consumer = session.createConsumer(session.createQueue("busy"));
        final Set<String> received = new HashSet<>();
        for (Message message = consumer.receive(5_000); message != null; message = consumer.receive(500))
        {
            assertThat(received.add(((TextMessage)message).getText())).isTrue();
        }
        assertThat(received).hasSize(threads * perThread);
    }
}
