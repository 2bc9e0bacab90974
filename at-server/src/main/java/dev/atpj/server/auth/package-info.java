/**
 * Authentication state shared by the {@code from}, {@code cram} and {@code pkam} handlers: the
 * pending challenge of a connection and the per-address limit on failed attempts.
 */
package dev.atpj.server.auth;
