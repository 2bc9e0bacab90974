package dev.atpj.client.data;

import dev.atpj.client.internal.Secondary;
import dev.atpj.client.keys.AtKeys;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.LookupShape;
import dev.atpj.protocol.command.PLookup;
import dev.atpj.protocol.key.AtKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Encryption public keys of atSigns ({@code public:publickey@<atSign>}, base64 X.509), fetched with
 * {@code plookup:publickey@<atSign>} through the owner's atServer and remembered for the client's
 * lifetime. The owner's own key comes from its keys.
 */
public final class PublicKeys {
  /** The entity under which every atSign publishes its encryption public key. */
  public static final String ENTITY = "publickey";

  private final AtSign me;
  private final Supplier<AtKeys> keys;
  private final Secondary remote;
  private final Map<AtSign, String> known = new ConcurrentHashMap<>();

  /**
   * Creates the cache.
   *
   * @param me the owner
   * @param keys the owner's keys
   * @param remote the owner's atServer
   */
  public PublicKeys(AtSign me, Supplier<AtKeys> keys, Secondary remote) {
    this.me = me;
    this.keys = keys;
    this.remote = remote;
  }

  /**
   * An atSign's encryption public key.
   *
   * @param atSign whose key
   * @return the base64 X.509 key text
   * @throws AtException {@link AtErrorCode#KEY_NOT_FOUND} when the atSign has published none (it is
   *     not onboarded)
   */
  public String of(AtSign atSign) {
    if (atSign.equals(me)) {
      return keys.get().encryptionPublicKey();
    }
    String cached = known.get(atSign);
    if (cached != null) {
      return cached;
    }
    String key;
    try {
      key = remote.execute(new PLookup(null, LookupShape.VALUE, AtKey.ofSelf(ENTITY, atSign)));
    } catch (AtException e) {
      if (e.code() == AtErrorCode.KEY_NOT_FOUND) {
        throw new AtException(
            AtErrorCode.KEY_NOT_FOUND,
            atSign
                + " has no encryption public key (public:publickey"
                + atSign
                + "): not onboarded?",
            e);
      }
      throw e;
    }
    if (key.isBlank() || key.equals("null")) {
      throw new AtException(AtErrorCode.KEY_NOT_FOUND, atSign + " has no encryption public key");
    }
    known.put(atSign, key.trim());
    return key.trim();
  }

  /** Forgets a remembered key, so that the next use fetches it again. */
  public void forget(AtSign atSign) {
    known.remove(atSign);
  }
}
