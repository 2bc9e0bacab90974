/** Verbs that need no data: {@code info} and {@code noop}. */
package dev.atpj.server.verb.basic;
