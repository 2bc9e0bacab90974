/**
 * Notifications: a {@link dev.atpj.client.notify.Subscription} over {@code monitor} (heartbeat,
 * reconnection with replay, de-duplication) delivering decrypted {@link
 * dev.atpj.client.notify.AtNotification}s (docs/protocol.md B11, C9).
 */
package dev.atpj.client.notify;
