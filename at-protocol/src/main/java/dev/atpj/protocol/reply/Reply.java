package dev.atpj.protocol.reply;

/** One reply line from an atServer, as {@link ReplyParser} reads it. */
public sealed interface Reply permits DataReply, ErrorReply, NotificationReply {}
