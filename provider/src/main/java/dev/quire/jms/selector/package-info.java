/**
 * Jakarta Messaging message selectors: {@link dev.quire.jms.selector.Selector} parses the SQL-92 subset
 * of the specification once, with a hand-written recursive-descent parser, into an immutable tree that
 * the engine evaluates per message as a {@link dev.quire.engine.MessageFilter}. Evaluation follows SQL's
 * three-valued logic, never throws and allocates only for the results of arithmetic on identifiers.
 */
package dev.quire.jms.selector;
