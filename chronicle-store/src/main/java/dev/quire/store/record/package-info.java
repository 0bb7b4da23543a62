/**
 * The journal's record model: immutable values, one per {@link dev.quire.store.RecordType}. They carry
 * no JMS types; the engine and the JMS layer convert at their boundaries.
 */
package dev.quire.store.record;
