package dev.quire.jms;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The simplified API (JMSContext, JMSProducer, JMSConsumer) on the embedded broker.
 */
@Timeout(60)
class SimplifiedApiTest
{
    @TempDir
    Path directory;

    private JMSContext context;

    @BeforeEach
    void open()
    {
        context = new QuireConnectionFactory("quire:" + directory + "?minFreeDisk=0").createContext();
    }

    @AfterEach
    void close()
    {
        context.close();
    }

    @Test
    void shouldSendBodiesAndReceiveThemWithProducerProperties()
    {
        final Queue queue = context.createQueue("simple");
        final JMSProducer producer = context.createProducer().setProperty("region", "eu").setPriority(7);
        producer.send(queue, "text").send(queue, Map.of("k", 1)).send(queue, new byte[] {1, 2});
        final JMSConsumer consumer = context.createConsumer(queue, "region = 'eu'");
        assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("text");
        final Map<?, ?> map = consumer.receiveBody(Map.class, 5_000);
        assertThat(map.get("k")).isEqualTo(1);
        assertThat(consumer.receiveBody(byte[].class, 5_000)).containsExactly(1, 2);
        assertThat(consumer.receiveBodyNoWait(String.class)).isNull();
        assertThat(producer.getPropertyNames()).containsExactly("region");
    }

    @Test
    void shouldNotConsumeMessageWhoseBodyCannotBeReturned()
    {
        final Queue queue = context.createQueue("typed");
        context.createProducer().send(queue, "text");
        final JMSConsumer consumer = context.createConsumer(queue);
        assertThatThrownBy(() -> consumer.receiveBody(Integer.class, 5_000)).isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("text");
    }

    @Test
    void shouldCommitAndRollBackTransactedContext() throws jakarta.jms.JMSException
    {
        try (JMSContext transacted = context.createContext(JMSContext.SESSION_TRANSACTED))
        {
            final Queue queue = transacted.createQueue("tx");
            transacted.createProducer().send(queue, "one");
            final JMSConsumer consumer = transacted.createConsumer(queue);
            assertThat(consumer.receiveBody(String.class, 200)).isNull();
            transacted.commit();
            assertThat(consumer.receiveBody(String.class, 5_000)).isEqualTo("one");
            transacted.rollback();
            assertThat(consumer.receive(5_000).getJMSRedelivered()).isTrue();
            transacted.commit();
        }
        assertThat(context.createConsumer(context.createQueue("tx")).receiveNoWait()).isNull();
    }

    @Test
    void shouldShareSubscriptionBetweenSharedConsumers()
    {
        final Topic topic = context.createTopic("jobs");
        final JMSConsumer first = context.createSharedConsumer(topic, "workers");
        final JMSConsumer second = context.createSharedConsumer(topic, "workers");
        final JMSProducer producer = context.createProducer();
        for (int i = 0; i < 4; i++)
        {
            producer.send(topic, "job" + i);
        }
        int received = 0;
        for (int i = 0; i < 4; i++)
        {
            if (first.receiveBody(String.class, 200) != null)
            {
                received++;
            }
            if (second.receiveBody(String.class, 200) != null)
            {
                received++;
            }
        }
        assertThat(received).isEqualTo(4);
    }

    @Test
    void shouldRefuseUseOfClosedContext() throws jakarta.jms.JMSException
    {
        final JMSContext other = context.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        other.close();
        assertThatThrownBy(other::createProducer).isInstanceOf(jakarta.jms.IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> other.createTextMessage("x")).isInstanceOf(jakarta.jms.IllegalStateRuntimeException.class);
        assertThat(context.createTextMessage("still open").getText()).isEqualTo("still open");
    }
}
