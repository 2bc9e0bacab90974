/**
 * The owner's data verbs (docs/protocol.md B7–B10): {@code update}, {@code update:json}, {@code
 * update:meta}, {@code llookup}, {@code lookup}, {@code delete} and {@code scan}.
 */
package dev.atpj.server.verb.data;
