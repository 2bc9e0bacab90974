/** Per-connection state of an atServer and the one place that turns replies into wire text. */
package dev.atpj.server.session;
