package dev.atpj.server.data;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.store.AtStore;
import dev.atpj.store.StoredValue;

/**
 * Keeps the owner from locking itself out (docs/protocol.md B5): the reserved keys that
 * authenticate the owner only take values that can authenticate, and the last way to authenticate
 * cannot be deleted. {@code privatekey:at_pkam_publickey} must be a base64 X.509 RSA public key,
 * {@code privatekey:at_secret} must not be blank (AT0022 otherwise), and {@code
 * privatekey:at_secret} cannot be deleted while no valid PKAM public key is stored (AT0009).
 */
public final class AuthMethodGuard {
  private final AtStore store;
  private final AtCrypto crypto;

  /**
   * A guard.
   *
   * @param store the atSign's store, where the PKAM public key is read
   * @param crypto decodes keys
   */
  public AuthMethodGuard(AtStore store, AtCrypto crypto) {
    this.store = store;
    this.crypto = crypto;
  }

  /**
   * Checks a value written to a key.
   *
   * @param key the key being updated
   * @param value its new value
   * @throws AtException AT0022 when a reserved authentication key would get a useless value
   */
  public void checkUpdate(AtKey key, String value) {
    if (key.equals(ReservedKeys.PKAM_PUBLIC_KEY) && !isPublicKey(value)) {
      throw new AtException(
          AtErrorCode.ILLEGAL_ARGUMENTS,
          "privatekey:at_pkam_publickey must be a base64 X.509 RSA public key");
    }
    if (key.equals(ReservedKeys.AT_SECRET) && (value == null || value.isBlank())) {
      throw new AtException(
          AtErrorCode.ILLEGAL_ARGUMENTS, "privatekey:at_secret must not be blank");
    }
  }

  /**
   * Checks a key being deleted.
   *
   * @param key the key being deleted
   * @throws AtException AT0009 when it is the CRAM secret and no PKAM public key would remain
   */
  public void checkDelete(AtKey key) {
    if (key.equals(ReservedKeys.AT_SECRET) && !hasPkamKey()) {
      throw new AtException(
          AtErrorCode.UNAUTHORIZED,
          "deleting privatekey:at_secret would leave no way to authenticate;"
              + " store privatekey:at_pkam_publickey first");
    }
  }

  private boolean hasPkamKey() {
    return store
        .get(ReservedKeys.PKAM_PUBLIC_KEY.toString())
        .map(StoredValue::value)
        .filter(this::isPublicKey)
        .isPresent();
  }

  private boolean isPublicKey(String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    try {
      crypto.decodePublicKey(value);
      return true;
    } catch (AtException e) {
      return false;
    }
  }
}
