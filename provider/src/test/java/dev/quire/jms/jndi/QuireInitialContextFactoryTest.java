package dev.quire.jms.jndi;

import dev.quire.jms.QuireConnectionFactory;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.OperationNotSupportedException;
import java.nio.file.Path;
import java.util.Hashtable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class QuireInitialContextFactoryTest
{
    @TempDir
    Path directory;

    private InitialContext context(final String... entries) throws NamingException
    {
        final Hashtable<String, String> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, QuireInitialContextFactory.class.getName());
        for (int i = 0; i < entries.length; i += 2)
        {
            environment.put(entries[i], entries[i + 1]);
        }
        return new InitialContext(environment);
    }

    @Test
    void shouldServeFactoriesAndDestinationsNamedInTheEnvironment() throws Exception
    {
        final InitialContext context = context(
            Context.PROVIDER_URL, "quire:" + directory,
            "connectionFactory.java:comp/env/jms/MyQueueConnectionFactory", "quire:" + directory + "?maxDeliveries=4",
            "queue.java:comp/env/jms/MY_QUEUE", "MY_QUEUE",
            "topic.jms/Prices", "prices",
            "quire.minFreeDisk", "0");
        final QuireConnectionFactory named = (QuireConnectionFactory)context.lookup("java:comp/env/jms/MyQueueConnectionFactory");
        assertThat(named.configuration().settings()).containsEntry("maxDeliveries", "4").containsEntry("minFreeDisk", "0");
        assertThat(((Queue)context.lookup("java:comp/env/jms/MY_QUEUE")).getQueueName()).isEqualTo("MY_QUEUE");
        assertThat(((Topic)context.lookup("jms/Prices")).getTopicName()).isEqualTo("prices");

        final ConnectionFactory factory = (ConnectionFactory)context.lookup("ConnectionFactory");
        try (JMSContext jms = factory.createContext())
        {
            final Queue queue = (Queue)context.lookup("java:comp/env/jms/MY_QUEUE");
            jms.createProducer().send(queue, "via JNDI");
            assertThat(jms.createConsumer(queue).receiveBody(String.class, 5_000)).isEqualTo("via JNDI");
        }
    }

    @Test
    void shouldNameMissingEntryAndRefuseChanges() throws Exception
    {
        final InitialContext context = context("queue.orders", "orders");
        assertThatThrownBy(() -> context.lookup("nope")).isInstanceOf(NameNotFoundException.class).hasMessageContaining("orders");
        assertThatThrownBy(() -> context.bind("x", "y")).isInstanceOf(OperationNotSupportedException.class);
        assertThat(context.list("").hasMore()).isTrue();
    }

    @Test
    void shouldNameTheEntryWithABadSetting()
    {
        assertThatThrownBy(() -> context("connectionFactory.cf", "quire:/tmp/x?durabilty=sync").lookup("cf"))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("connectionFactory.cf")
            .hasMessageContaining("durabilty");
    }
}
