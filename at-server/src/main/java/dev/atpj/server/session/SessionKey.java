package dev.atpj.server.session;

/**
 * A typed name for per-connection state that a verb keeps between commands (e.g. the pending {@code
 * from} challenge), so verbs can add state without changing the session class.
 *
 * @param name a name for debugging
 * @param <T> the type of the value
 */
public record SessionKey<T>(String name) {}
