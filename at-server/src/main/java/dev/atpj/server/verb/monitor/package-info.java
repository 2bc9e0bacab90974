/** The {@code monitor} verb: a connection that streams notifications. */
package dev.atpj.server.verb.monitor;
