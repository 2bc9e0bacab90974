/**
 * One handler class per verb and the explicit registry that lists them: the table of contents of
 * what an atServer understands.
 */
package dev.atpj.server.verb;
