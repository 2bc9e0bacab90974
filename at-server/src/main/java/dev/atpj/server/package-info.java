/**
 * The atServer: one per atSign, the internet presence of that atSign, holding its data and
 * answering each requester differently. {@link dev.atpj.server.AtServer} starts one; many run side
 * by side in one JVM on a shared {@link dev.atpj.server.AtServerEnvironment}.
 */
package dev.atpj.server;
