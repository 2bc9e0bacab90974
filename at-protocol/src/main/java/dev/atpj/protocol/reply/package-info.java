/**
 * Reply lines: the {@link dev.atpj.protocol.reply.ReplyRenderer}, the only code that writes {@code
 * data:} and {@code error:}, and the {@link dev.atpj.protocol.reply.ReplyParser}, the only code
 * that turns reply text back into data or an {@link dev.atpj.protocol.AtException}.
 */
package dev.atpj.protocol.reply;
