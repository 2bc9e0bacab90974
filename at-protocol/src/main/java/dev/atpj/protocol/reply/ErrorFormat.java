package dev.atpj.protocol.reply;

/** How a connection gets its error replies (docs/protocol.md A3, B2). */
public enum ErrorFormat {
  /** {@code error:ATxxxx-<description> : <detail>}; the default, and what at_java needs. */
  LEGACY_TEXT,
  /** {@code error:{"errorCode":"ATxxxx","errorDescription":"…"}}, for clients above 3.0.37. */
  JSON
}
