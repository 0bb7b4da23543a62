/**
 * The binary encoding of journal records and the machinery behind {@link dev.quire.store.chronicle.ChronicleJournal}.
 * Not an API: nothing here is for users.
 */
package dev.quire.store.chronicle.internal;
