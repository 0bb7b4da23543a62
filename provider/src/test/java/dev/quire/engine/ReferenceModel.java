package dev.quire.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A reference model of what the engine promises for persistent messages on queues, written to be
 * obviously right rather than fast: every queue is a sorted set of pending messages (highest priority
 * first, then oldest), sessions hold the deliveries they were given, transactions hold their sends and
 * acknowledgements, and a clean restart puts everything not acknowledged back on its queue.
 * <p>
 * The rules it follows (the engine's, checked against JMS 2.0):
 * <ul>
 *   <li>A consumer with credit takes the first pending message of its queue; the delivery count goes up by
 *       one and the message is redelivered when the count is above one.</li>
 *   <li>A failed delivery (recover, rollback, a reported failure, a closed session) goes back to its queue
 *       with no delay, or to {@code DLQ.<queue>} once its delivery count reached the queue's maximum; there
 *       it starts again with a count of zero. A pending message that already had all its attempts (one in
 *       flight at a restart) goes to the dead-letter queue instead of out when dispatch reaches it.</li>
 *   <li>A delivery released when its consumer closes goes back as if it had never been delivered.</li>
 *   <li>A clean restart ends every session and transaction: sends of open transactions are lost, every
 *       delivery not acknowledged (alone or in a committed transaction) is pending again and keeps its count.</li>
 * </ul>
 * The engine's handles (session, consumer and transaction ids, delivery tags) are kept on the model's
 * objects for the test that drives both; the model itself never reads them.
 */
final class ReferenceModel
{
    /** The queue whose messages go to the dead-letter queue after two attempts. */
    static final String SHORT_LIVED_QUEUE = "beta";
    private static final int SHORT_LIVED_MAX_DELIVERIES = 2;
    private static final int DEFAULT_MAX_DELIVERIES = 3;
    private static final String DEAD_LETTER_PREFIX = "DLQ.";
    private static final Comparator<Message> DELIVERY_ORDER =
        Comparator.comparingInt((Message message) -> -message.priority).thenComparingLong(message -> message.order);

    private final Map<String, TreeSet<Message>> queues = new LinkedHashMap<>();
    private final Map<String, ArrayDeque<Message>> reserved = new HashMap<>();
    private final List<Message> deadLettered = new ArrayList<>();
    private final List<Session> sessions = new ArrayList<>();
    private long nextOrder;

    /**
     * @return the redelivery policies the model follows, for the broker under test.
     */
    static RedeliveryPolicies policies()
    {
        return new RedeliveryPolicies()
            .add(SHORT_LIVED_QUEUE, RedeliveryPolicy.DEFAULT.withMaxDeliveries(SHORT_LIVED_MAX_DELIVERIES))
            .defaultPolicy(RedeliveryPolicy.DEFAULT.withMaxDeliveries(DEFAULT_MAX_DELIVERIES));
    }

    private static int maxDeliveries(final String queue)
    {
        return SHORT_LIVED_QUEUE.equals(queue) ? SHORT_LIVED_MAX_DELIVERIES : DEFAULT_MAX_DELIVERIES;
    }

    /**
     * @param queue a queue name.
     * @return the name of its dead-letter queue.
     */
    static String deadLetterQueueOf(final String queue)
    {
        return DEAD_LETTER_PREFIX + queue;
    }

    // ---- queues and sending -------------------------------------------------------------------------

    /**
     * @param queue the queue; created when it does not exist, as the engine does on first use.
     * @return its pending messages.
     */
    TreeSet<Message> createQueue(final String queue)
    {
        return queues.computeIfAbsent(queue, ignored -> new TreeSet<>(DELIVERY_ORDER));
    }

    /**
     * Sends a message outside a transaction: pending at once.
     *
     * @return the message.
     */
    Message send(final String queue, final int priority)
    {
        final Message message = newMessage(queue, priority);
        createQueue(queue).add(message);
        return message;
    }

    /**
     * Sends a message in the session's transaction: invisible until it commits, but ordered by when it was sent.
     *
     * @return the message.
     */
    Message sendInTransaction(final Session session, final String queue, final int priority)
    {
        final Message message = newMessage(queue, priority);
        session.transactedSends.add(message);
        return message;
    }

    private Message newMessage(final String queue, final int priority)
    {
        final long order = nextOrder++;
        return new Message("m" + order, priority, order, queue);
    }

    // ---- sessions and consumers ---------------------------------------------------------------------

    /**
     * @param transacted true for a session that acknowledges and sends in a local transaction.
     * @return the new session.
     */
    Session openSession(final boolean transacted)
    {
        final Session session = new Session(transacted);
        sessions.add(session);
        return session;
    }

    /**
     * Closes a session: its consumers close without releasing anything and every delivery it holds fails.
     * (A transacted session's transaction is rolled back first, by the caller.)
     */
    void closeSession(final Session session)
    {
        for (final Consumer consumer : session.consumers)
        {
            consumer.open = false;
        }
        session.consumers.clear();
        recover(session);
        sessions.remove(session);
    }

    /**
     * @return a consumer with a credit of one on the queue (created when it does not exist).
     */
    Consumer openConsumer(final Session session, final String queue)
    {
        createQueue(queue);
        final Consumer consumer = new Consumer(session, queue);
        session.consumers.add(consumer);
        return consumer;
    }

    /**
     * Closes a consumer. Its delivery, if it holds one, either goes back uncounted (released) or stays with
     * the session until it is acknowledged or recovered.
     *
     * @param release true to release the delivery the consumer holds.
     */
    void closeConsumer(final Consumer consumer, final boolean release)
    {
        consumer.open = false;
        consumer.session.consumers.remove(consumer);
        final Delivered held = heldBy(consumer);
        if (held != null && release)
        {
            held.session.unacknowledged.remove(held);
            held.message.deliveryCount--;
            createQueue(held.message.queue).add(held.message);
        }
    }

    /**
     * @return the delivery the consumer holds and has not acknowledged, or null.
     */
    Delivered heldBy(final Consumer consumer)
    {
        for (final Delivered delivered : consumer.session.unacknowledged)
        {
            if (delivered.consumer == consumer)
            {
                return delivered;
            }
        }
        return null;
    }

    // ---- dispatch -----------------------------------------------------------------------------------

    /**
     * Does what the engine's dispatch does once the last command ran: on every queue whose consumers have
     * credit, walks the pending messages in delivery order, moves those that had all their attempts to the
     * dead-letter queue and sets aside one message per credit, until the credit is used up.
     *
     * @return how many messages were set aside: the deliveries the engine must make now.
     */
    int settle()
    {
        int expected = 0;
        boolean moved = true;
        while (moved)
        {
            moved = false;
            for (final String queue : new ArrayList<>(queues.keySet()))
            {
                final TreeSet<Message> pending = queues.get(queue);
                final ArrayDeque<Message> aside = reserved.computeIfAbsent(queue, ignored -> new ArrayDeque<>());
                int credit = credit(queue) - aside.size();
                while (credit > 0 && !pending.isEmpty())
                {
                    final Message next = pending.pollFirst();
                    if (next.deliveryCount >= maxDeliveries(queue))
                    {
                        deadLetter(next);
                        moved = true;
                    }
                    else
                    {
                        aside.addLast(next);
                        credit--;
                        expected++;
                    }
                }
            }
        }
        return expected;
    }

    private int credit(final String queue)
    {
        int credit = 0;
        for (final Session session : sessions)
        {
            for (final Consumer consumer : session.consumers)
            {
                credit += consumer.queue.equals(queue) ? consumer.credit : 0;
            }
        }
        return credit;
    }

    /**
     * The engine gave the consumer a message: the next one {@link #settle()} set aside on its queue.
     *
     * @return the delivery the model expects, or null when nothing was set aside for the queue.
     */
    Delivered dispatch(final Consumer consumer)
    {
        final ArrayDeque<Message> aside = reserved.get(consumer.queue);
        final Message message = aside == null ? null : aside.pollFirst();
        if (message == null)
        {
            return null;
        }
        message.deliveryCount++;
        consumer.credit--;
        final Delivered delivered = new Delivered(message, consumer.session, consumer);
        consumer.session.unacknowledged.add(delivered);
        return delivered;
    }

    /**
     * @return the messages set aside for delivery that the engine has not delivered.
     */
    List<Message> undelivered()
    {
        final List<Message> undelivered = new ArrayList<>();
        reserved.values().forEach(undelivered::addAll);
        return undelivered;
    }

    // ---- outcomes of deliveries ---------------------------------------------------------------------

    /**
     * Acknowledges a delivery: the message is gone, or locked in the session's transaction.
     *
     * @return the consumers that may now have their credit back (see {@link #grant}).
     */
    List<Consumer> acknowledge(final Delivered delivered)
    {
        delivered.session.unacknowledged.remove(delivered);
        if (delivered.session.transacted)
        {
            delivered.session.transactedAcknowledgements.add(delivered.message);
        }
        return openConsumerOf(delivered);
    }

    /**
     * A consumer reports that processing the delivery failed.
     *
     * @return the consumers that may now have their credit back.
     */
    List<Consumer> fail(final Delivered delivered)
    {
        delivered.session.unacknowledged.remove(delivered);
        redeliver(delivered.message);
        return openConsumerOf(delivered);
    }

    /**
     * Recovers a session: every delivery it holds fails.
     *
     * @return the consumers that may now have their credit back.
     */
    List<Consumer> recover(final Session session)
    {
        final List<Consumer> freed = new ArrayList<>();
        for (final Delivered delivered : new ArrayList<>(session.unacknowledged))
        {
            freed.addAll(fail(delivered));
        }
        return freed;
    }

    /**
     * Gives a consumer one more credit, as the test does once the consumer is done with its delivery.
     */
    void grant(final Consumer consumer)
    {
        consumer.credit++;
    }

    private static List<Consumer> openConsumerOf(final Delivered delivered)
    {
        final Consumer consumer = delivered.consumer;
        return consumer == null || !consumer.open ? List.of() : List.of(consumer);
    }

    private void redeliver(final Message message)
    {
        if (message.deliveryCount >= maxDeliveries(message.queue))
        {
            deadLetter(message);
        }
        else
        {
            createQueue(message.queue).add(message);
        }
    }

    private void deadLetter(final Message message)
    {
        message.deadLetteredFrom = message.queue;
        message.deadLetterCount = message.deliveryCount;
        message.queue = deadLetterQueueOf(message.queue);
        message.deliveryCount = 0;
        createQueue(message.queue).add(message);
        deadLettered.add(message);
    }

    /**
     * @return the messages moved to a dead-letter queue since the last call, for the test's trace.
     */
    List<Message> drainDeadLettered()
    {
        final List<Message> drained = new ArrayList<>(deadLettered);
        deadLettered.clear();
        return drained;
    }

    // ---- transactions and restart -------------------------------------------------------------------

    /**
     * Commits the session's transaction: its sends become pending, its acknowledged messages are gone.
     */
    void commit(final Session session)
    {
        for (final Message message : session.transactedSends)
        {
            createQueue(message.queue).add(message);
        }
        session.transactedSends.clear();
        session.transactedAcknowledgements.clear();
    }

    /**
     * Rolls back the session's transaction: its sends are dropped, its acknowledged messages fail.
     */
    void rollback(final Session session)
    {
        session.transactedSends.clear();
        for (final Message message : session.transactedAcknowledgements)
        {
            redeliver(message);
        }
        session.transactedAcknowledgements.clear();
    }

    /**
     * A clean restart: every session and transaction ends without failing anything; what was delivered
     * and not acknowledged is pending again with its delivery count, sends of open transactions are lost.
     */
    void restart()
    {
        for (final Session session : sessions)
        {
            for (final Consumer consumer : session.consumers)
            {
                consumer.open = false;
            }
            for (final Delivered delivered : session.unacknowledged)
            {
                createQueue(delivered.message.queue).add(delivered.message);
            }
            for (final Message message : session.transactedAcknowledgements)
            {
                createQueue(message.queue).add(message);
            }
        }
        sessions.clear();
    }

    // ---- observations -------------------------------------------------------------------------------

    /**
     * @return what {@link Broker#depth} must say: -1 for a queue that was never created, else the messages
     *         pending, delivered but not acknowledged, and acknowledged in a transaction still open.
     */
    long depth(final String queue)
    {
        final TreeSet<Message> pending = queues.get(queue);
        if (pending == null)
        {
            return -1;
        }
        long depth = pending.size() + reserved.getOrDefault(queue, new ArrayDeque<>()).size();
        for (final Session session : sessions)
        {
            for (final Delivered delivered : session.unacknowledged)
            {
                depth += delivered.message.queue.equals(queue) ? 1 : 0;
            }
            for (final Message message : session.transactedAcknowledgements)
            {
                depth += message.queue.equals(queue) ? 1 : 0;
            }
        }
        return depth;
    }

    /**
     * @return the ids of the queue's pending messages in delivery order, as a browser sees them.
     */
    List<String> browse(final String queue)
    {
        final List<String> ids = new ArrayList<>();
        for (final Message message : queues.getOrDefault(queue, new TreeSet<>(DELIVERY_ORDER)))
        {
            ids.add(message.id);
        }
        return ids;
    }

    /**
     * @param names some queues.
     * @return how many messages are pending on them.
     */
    int pendingCount(final List<String> names)
    {
        int count = 0;
        for (final String name : names)
        {
            final TreeSet<Message> pending = queues.get(name);
            count += pending == null ? 0 : pending.size();
        }
        return count;
    }

    /**
     * @return the open sessions, oldest first.
     */
    List<Session> sessions()
    {
        return sessions;
    }

    /**
     * @return every delivery held by a session, oldest session first.
     */
    List<Delivered> unacknowledged()
    {
        final List<Delivered> all = new ArrayList<>();
        for (final Session session : sessions)
        {
            all.addAll(session.unacknowledged);
        }
        return all;
    }

    /**
     * @return every open consumer.
     */
    List<Consumer> consumers()
    {
        final List<Consumer> all = new ArrayList<>();
        for (final Session session : sessions)
        {
            all.addAll(session.consumers);
        }
        return all;
    }

    // ---- the model's objects ------------------------------------------------------------------------

    /**
     * A message, wherever it is: its id (also its body), its priority, its place in send order, the queue
     * it was sent to and the one it is on, and where its delivery count stands.
     */
    static final class Message
    {
        final String id;
        final int priority;
        final long order;
        final String destination;
        String queue;
        int deliveryCount;
        String deadLetteredFrom;
        int deadLetterCount;
        long engineSeq = -1;

        Message(final String id, final int priority, final long order, final String queue)
        {
            this.id = id;
            this.priority = priority;
            this.order = order;
            this.destination = queue;
            this.queue = queue;
        }

        @Override
        public String toString()
        {
            return id + "(p" + priority + " " + queue + " count " + deliveryCount + ")";
        }
    }

    /**
     * A session: its consumers, the deliveries it holds, and the work of its transaction when transacted.
     */
    static final class Session
    {
        final boolean transacted;
        final List<Consumer> consumers = new ArrayList<>();
        final List<Delivered> unacknowledged = new ArrayList<>();
        final List<Message> transactedSends = new ArrayList<>();
        final List<Message> transactedAcknowledgements = new ArrayList<>();
        long handle;
        long transaction;

        Session(final boolean transacted)
        {
            this.transacted = transacted;
        }

        @Override
        public String toString()
        {
            return "s" + handle + (transacted ? "(tx " + transaction + ")" : "");
        }
    }

    /**
     * A consumer with a credit of one: it holds at most one delivery at a time.
     */
    static final class Consumer
    {
        final Session session;
        final String queue;
        int credit = 1;
        boolean open = true;
        long handle;

        Consumer(final Session session, final String queue)
        {
            this.session = session;
            this.queue = queue;
        }

        @Override
        public String toString()
        {
            return "c" + handle + "@" + queue;
        }
    }

    /**
     * A delivery a session holds until it is acknowledged, fails or is released.
     */
    static final class Delivered
    {
        final Message message;
        final Session session;
        final Consumer consumer;
        long tag;

        Delivered(final Message message, final Session session, final Consumer consumer)
        {
            this.message = message;
            this.session = session;
            this.consumer = consumer;
        }

        @Override
        public String toString()
        {
            return message.id + " tag " + tag + " in " + session + " via " + consumer;
        }
    }
}
