package dev.atpj.protocol.reply;

/**
 * A {@code notification:} line on a monitoring connection.
 *
 * @param json the notification JSON, without the leading space
 */
public record NotificationReply(String json) implements Reply {}
