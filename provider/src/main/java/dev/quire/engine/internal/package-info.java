/**
 * The engine's state and the single thread that owns it. Not an API.
 */
package dev.quire.engine.internal;
