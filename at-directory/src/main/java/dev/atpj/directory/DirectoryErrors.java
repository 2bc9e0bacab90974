package dev.atpj.directory;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.reply.ErrorFormat;
import dev.atpj.protocol.reply.ReplyRenderer;

/** Error lines the directory writes, rendered by the protocol's one renderer. */
final class DirectoryErrors {
  private static final ReplyRenderer RENDERER = new ReplyRenderer();

  private DirectoryErrors() {}

  static String line(AtErrorCode code, String detail) {
    return RENDERER.error(new AtException(code, detail), ErrorFormat.LEGACY_TEXT);
  }
}
