package dev.atpj.server.peer;

/** How this atServer talks to another one. */
public enum Access {
  /** Without a handshake: sees the other atSign's public data (plookup, pol checks). */
  PUBLIC,
  /** After {@code from}/{@code pol} as this atServer's atSign: sees what is shared with it. */
  AUTHENTICATED
}
