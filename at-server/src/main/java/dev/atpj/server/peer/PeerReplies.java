package dev.atpj.server.peer;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.reply.ReplyParser;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads answers from another atServer. The prompt of the previous answer arrives at the start of
 * each line, and after a {@code pol} two prompts do ({@code @} then {@code @bob@}), so every
 * leading prompt is removed before the line is parsed (docs/protocol.md B1).
 */
final class PeerReplies {
  private static final ReplyParser PARSER = new ReplyParser();

  /** Errors of another atServer passed on to this server's client as they are. */
  private static final Set<AtErrorCode> RELAYED =
      EnumSet.of(
          AtErrorCode.KEY_NOT_FOUND,
          AtErrorCode.INVALID_KEY,
          AtErrorCode.INVALID_SYNTAX,
          AtErrorCode.UNAUTHORIZED,
          AtErrorCode.ILLEGAL_ARGUMENTS);

  private PeerReplies() {}

  /**
   * The payload of a data answer.
   *
   * @param line the raw answer line
   * @return the text after {@code data:}
   * @throws dev.atpj.protocol.AtException the other atServer's error, or AT0014 for a line that is
   *     no answer
   */
  static String data(String line) {
    return PARSER.data(ReplyParser.stripPrompt(line));
  }

  /**
   * The payload of another atServer's answer to a request made on behalf of a client. Its errors
   * are passed on with their code when the code describes the request (a missing or invalid key, a
   * refused read, bad syntax); any other error (one that would close the client's connection, an
   * internal failure, an authentication failure) becomes AT0001 naming the other atServer, so the
   * other server's state never closes or unauthenticates this server's client.
   *
   * @param line the raw answer line
   * @param peer the atSign whose atServer answered
   * @return the text after {@code data:}
   */
  static String data(String line, AtSign peer) {
    try {
      return data(line);
    } catch (AtException e) {
      if (RELAYED.contains(e.code())) {
        throw e;
      }
      throw new AtException(
          AtErrorCode.SERVER_EXCEPTION,
          "the atServer of " + peer + " answered " + e.code().code() + " " + e.detail(),
          e);
    }
  }
}
