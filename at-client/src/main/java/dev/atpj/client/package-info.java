/**
 * Client SDK. {@link dev.atpj.client.AtClient} is the client of one atSign: put, get, delete and
 * list public, self and shared data (encrypted as the official clients do), notify, subscribe to
 * notifications, onboard, and keep a local replica in sync. Underneath, {@link
 * dev.atpj.client.connection.AtConnector} finds an atServer through the atDirectory and opens TLS
 * connections; {@link dev.atpj.client.connection.AtConnection} authenticates with CRAM or PKAM and
 * runs commands.
 */
package dev.atpj.client;
