/** The {@code notify} verbs: notify, notify:all, notify:list, :status, :fetch, :remove. */
package dev.atpj.server.verb.notify;
