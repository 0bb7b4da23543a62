/**
 * The broker engine: a deterministic, single-writer state machine whose durable state is the journal
 * and whose in-memory state is a projection rebuilt on start. {@link dev.quire.engine.Broker} is the
 * thread-safe entry point; everything it does runs on one engine thread. Nothing here depends on
 * Jakarta Messaging: the JMS layer converts at its boundary.
 */
package dev.quire.engine;
