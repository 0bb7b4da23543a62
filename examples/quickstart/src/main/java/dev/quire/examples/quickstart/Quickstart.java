package dev.quire.examples.quickstart;

import dev.quire.jms.QuireConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import java.nio.file.Path;

/**
 * A tour of Quire through the plain Jakarta Messaging API, on the embedded broker: strict priorities, a
 * message that expires, a transaction rolled back until its message lands in the dead-letter queue with
 * growing redelivery delays, and messages that survive a broker restart. The only Quire-specific line is
 * the connection factory's construction.
 */
public final class Quickstart
{
    private Quickstart()
    {
    }

    /**
     * @param args the data directory (default {@code quire-data}).
     * @throws Exception when the broker fails.
     */
    public static void main(final String[] args) throws Exception
    {
        final Path directory = Path.of(args.length > 0 ? args[0] : "quire-data").toAbsolutePath();
        final String uri = "quire:" + directory + "?durability=sync&maxDeliveries=3&redeliveryDelayMs=200" +
            "&redeliveryMultiplier=2";
        System.out.println("Quire quickstart on " + uri);
        final ConnectionFactory factory = new QuireConnectionFactory(uri);

        try (Connection connection = factory.createConnection())
        {
            connection.start();
            final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            drain(session, "quickstart.priorities", "quickstart.ttl", "quickstart.payments", "DLQ.quickstart.payments");
            priorities(session);
            timeToLive(session);
        }
        try (Connection connection = factory.createConnection())
        {
            connection.start();
            redeliveryToDeadLetterQueue(connection);
            final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            final MessageProducer producer = session.createProducer(session.createQueue("quickstart.inbox"));
            for (int i = 1; i <= 3; i++)
            {
                producer.send(session.createTextMessage("survivor #" + i));
            }
            System.out.println("\n4. Sent 3 persistent messages to quickstart.inbox; closing the broker");
        }
        try (Connection connection = new QuireConnectionFactory(uri).createConnection())
        {
            connection.start();
            final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            final MessageConsumer consumer = session.createConsumer(session.createQueue("quickstart.inbox"));
            System.out.println("   Reopened the broker; quickstart.inbox still holds:");
            for (Message message = consumer.receive(1_000); message != null; message = consumer.receive(500))
            {
                System.out.println("     " + ((TextMessage)message).getText());
            }
        }
        System.out.println("\nDone. Run it again: everything is stored in " + directory);
    }

    private static void priorities(final Session session) throws JMSException
    {
        final Queue queue = session.createQueue("quickstart.priorities");
        final MessageProducer producer = session.createProducer(queue);
        final int[] priorities = {1, 9, 4, 9, 0, 7};
        for (int i = 0; i < priorities.length; i++)
        {
            producer.send(session.createTextMessage("order " + i), DeliveryMode.PERSISTENT, priorities[i], 0);
        }
        System.out.println("\n1. Sent 6 messages with priorities 1 9 4 9 0 7; they arrive highest first, FIFO within one:");
        final MessageConsumer consumer = session.createConsumer(queue);
        for (Message message = consumer.receive(1_000); message != null; message = consumer.receive(200))
        {
            System.out.printf("     priority %d  %s%n", message.getJMSPriority(), ((TextMessage)message).getText());
        }
        consumer.close();
    }

    private static void timeToLive(final Session session) throws JMSException, InterruptedException
    {
        final Queue queue = session.createQueue("quickstart.ttl");
        final MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("short-lived"), DeliveryMode.PERSISTENT, 4, 100);
        producer.send(session.createTextMessage("long-lived"), DeliveryMode.PERSISTENT, 4, 60_000);
        Thread.sleep(250);
        final MessageConsumer consumer = session.createConsumer(queue);
        System.out.println("\n2. Sent one message with a 100 ms time-to-live and one with 60 s; 250 ms later a consumer gets:");
        for (Message message = consumer.receive(1_000); message != null; message = consumer.receive(200))
        {
            System.out.println("     " + ((TextMessage)message).getText() + "  (the expired one was never delivered)");
        }
        consumer.close();
    }

    private static void redeliveryToDeadLetterQueue(final Connection connection) throws JMSException
    {
        final Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        final Queue payments = session.createQueue("quickstart.payments");
        session.createProducer(payments).send(session.createTextMessage("payment #42"));
        session.commit();
        System.out.println("\n3. A transacted consumer fails on 'payment #42' and rolls back; the policy " +
            "(maxDeliveries=3, 200 ms delay doubling) redelivers it, then dead-letters it:");
        final MessageConsumer consumer = session.createConsumer(payments);
        long last = System.nanoTime();
        for (Message message = consumer.receive(5_000); message != null; message = consumer.receive(2_000))
        {
            final long now = System.nanoTime();
            System.out.printf("     attempt %d (redelivered=%s) after %d ms -> rollback%n",
                message.getIntProperty("JMSXDeliveryCount"), message.getJMSRedelivered(), (now - last) / 1_000_000);
            last = now;
            session.rollback();
        }
        final MessageConsumer deadLetters = session.createConsumer(session.createQueue("DLQ.quickstart.payments"));
        final Message dead = deadLetters.receive(2_000);
        System.out.printf("     in DLQ.quickstart.payments: '%s', reason %s, from %s after %s deliveries%n",
            ((TextMessage)dead).getText(), dead.getStringProperty("_QUIRE_DLQ_REASON"),
            dead.getStringProperty("_QUIRE_ORIG_DESTINATION"), dead.getObjectProperty("_QUIRE_DELIVERY_COUNT"));
        session.commit();
        session.close();
    }

    private static void drain(final Session session, final String... queues) throws JMSException
    {
        for (final String name : queues)
        {
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(name)))
            {
                while (consumer.receive(100) != null)
                {
                    continue;
                }
            }
        }
    }
}
