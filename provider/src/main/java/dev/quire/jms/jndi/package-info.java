/**
 * JNDI for Java SE applications: {@link dev.quire.jms.jndi.QuireInitialContextFactory} builds a
 * read-only naming context of connection factories and destinations from {@code jndi.properties} or the
 * environment, so existing code that looks its administered objects up keeps working unchanged.
 */
package dev.quire.jms.jndi;
