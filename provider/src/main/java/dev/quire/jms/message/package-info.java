/**
 * Quire's implementations of the five Jakarta Messaging message types and {@code Message} itself: the
 * header defaults, property type conversions, read-only rules and body encodings live here, in one
 * place, and {@link dev.quire.jms.message.StoredMessages} converts them to and from the journal's
 * {@link dev.quire.store.record.StoredMessage}.
 */
package dev.quire.jms.message;
