package dev.atpj.server.data;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.KeyVisibility;

/**
 * Which keys the owner may write and delete, and under which name they are stored (docs/protocol.md
 * B6, B7, B9). A key given without its owner belongs to this server's atSign.
 */
public final class KeyPolicy {
  private final AtSign me;

  /**
   * A policy for one atSign.
   *
   * @param me the server's atSign
   */
  public KeyPolicy(AtSign me) {
    this.me = me;
  }

  /**
   * The stored name of a key the owner wants to {@code update}: self, shared, public and {@code
   * privatekey:} keys of this atSign only.
   *
   * @param key the key as sent
   * @return the canonical key with its owner filled in
   * @throws AtException AT0016 for cached, {@code private:} and {@code local:} keys and for keys of
   *     another atSign; AT0009 for the server's own signing keys
   */
  public AtKey forUpdate(AtKey key) {
    if (key.cached()) {
      throw new AtException(
          AtErrorCode.INVALID_KEY, "You may not update keys of type " + typeName(key));
    }
    if (key.visibility() == KeyVisibility.PRIVATE || key.visibility() == KeyVisibility.LOCAL) {
      throw new AtException(
          AtErrorCode.INVALID_KEY, "You may not update keys of type " + typeName(key));
    }
    AtKey owned = owned(key);
    if (ReservedKeys.isServerManaged(owned, me)) {
      throw new AtException(
          AtErrorCode.UNAUTHORIZED, owned + " is managed by the atServer and cannot be updated");
    }
    return owned;
  }

  /**
   * The stored name of a key the owner wants to {@code delete}: any key of this atSign and any
   * cached copy.
   *
   * @param key the key as sent
   * @return the canonical key with its owner filled in
   * @throws AtException AT0016 for a key of another atSign; AT0009 for protected keys
   */
  public AtKey forDelete(AtKey key) {
    AtKey owned = key.cached() ? key : owned(key);
    if (ReservedKeys.isProtected(owned, me)) {
      throw new AtException(AtErrorCode.UNAUTHORIZED, "Cannot delete protected key " + owned);
    }
    return owned;
  }

  private AtKey owned(AtKey key) {
    if (key.visibility() == KeyVisibility.PRIVATEKEY) {
      return key;
    }
    if (key.owner() == null) {
      return key.withOwner(me);
    }
    if (!key.owner().equals(me)) {
      throw new AtException(
          AtErrorCode.INVALID_KEY,
          "the key's atSign " + key.owner() + " should be the current atSign " + me);
    }
    return key;
  }

  /** The reference's name of a key type, as its error messages show it. */
  static String typeName(AtKey key) {
    if (key.cached()) {
      return key.visibility() == KeyVisibility.PUBLIC ? "cachedPublicKey" : "cachedSharedKey";
    }
    switch (key.visibility()) {
      case PRIVATE:
        return "privateKey";
      case LOCAL:
        return "localKey";
      case PRIVATEKEY:
        return "reservedKey";
      case PUBLIC:
        return "publicKey";
      case SHARED:
        return "sharedKey";
      default:
        return "selfKey";
    }
  }
}
