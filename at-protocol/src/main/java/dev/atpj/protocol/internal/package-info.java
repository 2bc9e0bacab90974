/**
 * Helpers shared by the protocol packages. Not API: other modules must not use them, and they may
 * change without notice.
 */
package dev.atpj.protocol.internal;
