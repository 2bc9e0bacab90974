/**
 * Authentication verbs: {@code from} issues a challenge, {@code cram} and {@code pkam} answer it
 * (docs/protocol.md B5), with failures rate-limited per connection and per source address (Part A
 * §8).
 */
package dev.atpj.server.verb.auth;
