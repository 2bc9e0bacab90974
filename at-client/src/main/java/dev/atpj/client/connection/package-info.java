/**
 * Connections to atServers and the atDirectory: {@link dev.atpj.client.connection.AtConnector}
 * finds an atSign's atServer through the atDirectory and opens TLS connections with {@link
 * dev.atpj.client.connection.ClientOptions}; {@link dev.atpj.client.connection.AtConnection}
 * authenticates with CRAM or PKAM and runs commands; {@link dev.atpj.client.connection.Blocking}
 * waits for their replies within a timeout.
 */
package dev.atpj.client.connection;
