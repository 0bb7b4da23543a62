package dev.quire.jms;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's JmsTemplate and DefaultMessageListenerContainer on Quire, as a Spring application uses them,
 * with local transactions: a listener that fails is rolled back and redelivered until the message goes
 * to the dead-letter queue.
 */
@Timeout(60)
class SpringJmsIT
{
    @TempDir
    Path directory;

    private CachingConnectionFactory factory;
    private JmsTemplate template;
    private DefaultMessageListenerContainer container;

    @BeforeEach
    void open()
    {
        factory = new CachingConnectionFactory(new QuireConnectionFactory(
            "quire:" + directory + "?minFreeDisk=0&maxDeliveries=3&redeliveryDelayMs=10"));
        template = new JmsTemplate(factory);
        template.setReceiveTimeout(5_000);
    }

    @AfterEach
    void close()
    {
        if (container != null)
        {
            container.shutdown();
        }
        factory.destroy();
    }

    private void listen(final String queue, final MessageListener listener)
    {
        container = new DefaultMessageListenerContainer();
        container.setConnectionFactory(factory);
        container.setDestinationName(queue);
        container.setSessionTransacted(true);
        container.setReceiveTimeout(100);
        container.setMessageListener(listener);
        container.afterPropertiesSet();
        container.start();
    }

    @Test
    void shouldSendAndReceiveWithJmsTemplate() throws JMSException
    {
        template.convertAndSend("spring.orders", "order 1");
        template.send("spring.orders", session ->
        {
            final TextMessage message = session.createTextMessage("order 2");
            message.setIntProperty("priority", 7);
            return message;
        });
        assertThat(template.receiveAndConvert("spring.orders")).isEqualTo("order 1");
        final Message second = template.receive("spring.orders");
        assertThat(((TextMessage)second).getText()).isEqualTo("order 2");
        assertThat(second.getIntProperty("priority")).isEqualTo(7);
    }

    @Test
    void shouldDeliverToTransactedListenerContainer() throws Exception
    {
        final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        listen("spring.events", message ->
        {
            try
            {
                received.add(((TextMessage)message).getText());
            }
            catch (final JMSException ex)
            {
                throw new IllegalStateException(ex);
            }
        });
        for (int i = 0; i < 5; i++)
        {
            template.convertAndSend("spring.events", "event " + i);
        }
        for (int i = 0; i < 5; i++)
        {
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("event " + i);
        }
    }

    @Test
    void shouldRedeliverFailingListenerUntilTheMessageIsDeadLettered() throws Exception
    {
        final AtomicInteger attempts = new AtomicInteger();
        final CountDownLatch allAttempts = new CountDownLatch(3);
        listen("spring.payments", message ->
        {
            attempts.incrementAndGet();
            allAttempts.countDown();
            throw new IllegalStateException("payment service down");
        });
        template.convertAndSend("spring.payments", "payment 42");
        assertThat(allAttempts.await(20, TimeUnit.SECONDS)).isTrue();
        final Message dead = template.receive("DLQ.spring.payments");
        assertThat(((TextMessage)dead).getText()).isEqualTo("payment 42");
        assertThat(dead.getStringProperty("_QUIRE_DLQ_REASON")).isEqualTo("MAX_DELIVERIES");
        assertThat(attempts.get()).isEqualTo(3);
    }
}
