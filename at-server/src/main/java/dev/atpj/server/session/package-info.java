/**
 * What handlers and services see of one connection: its state ({@link
 * dev.atpj.server.session.SessionContext}), who it has proven to be ({@link
 * dev.atpj.server.session.AuthState}) and typed per-connection values ({@link
 * dev.atpj.server.session.SessionKey}).
 */
package dev.atpj.server.session;
