package dev.quire.engine.internal;

import dev.quire.store.record.DestinationKind;
import dev.quire.store.record.StoredMessage;

/**
 * A message sent in a transaction, waiting for the commit.
 *
 * @param seq          its sequence number, assigned when sent.
 * @param kind         queue or topic.
 * @param destination  where it goes.
 * @param message      the message.
 * @param connectionId the sending connection, for no-local subscriptions.
 */
record PendingSend(long seq, DestinationKind kind, String destination, StoredMessage message, long connectionId)
{
}
