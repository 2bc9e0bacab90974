/**
 * Notifications: sending with per-recipient ordered queues and retries, receiving with duplicate
 * suppression, monitors with replay, autoNotify of shared keys, stats notifications, expiry.
 */
package dev.atpj.server.notify;
