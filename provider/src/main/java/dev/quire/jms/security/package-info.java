/**
 * Authentication of connections: users with salted, hashed passwords in the broker's configuration.
 */
package dev.quire.jms.security;
