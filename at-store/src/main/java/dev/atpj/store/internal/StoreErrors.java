package dev.atpj.store.internal;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;

/** Turns storage failures into {@link AtException}s with a short message. */
public final class StoreErrors {
  private StoreErrors() {}

  /** A storage failure with its cause attached (the message stays short). */
  public static AtException dataStore(String message, Throwable cause) {
    if (cause instanceof AtException at) {
      return at;
    }
    return new AtException(AtErrorCode.DATA_STORE, message, cause);
  }

  /** The failure for use after close. */
  public static AtException closed() {
    return new AtException(AtErrorCode.DATA_STORE, "store is closed");
  }
}
