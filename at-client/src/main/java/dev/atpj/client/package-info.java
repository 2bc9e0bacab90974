/**
 * Client SDK: find an atServer through the atDirectory ({@link dev.atpj.client.AtConnector}),
 * connect with TLS, authenticate with CRAM or PKAM and run commands ({@link
 * dev.atpj.client.AtConnection}).
 */
package dev.atpj.client;
