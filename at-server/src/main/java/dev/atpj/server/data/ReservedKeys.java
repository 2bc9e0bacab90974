package dev.atpj.server.data;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.KeyVisibility;
import java.util.Set;

/** Keys with a fixed meaning on every atServer (docs/protocol.md B5, B6). */
public final class ReservedKeys {
  /** The CRAM secret. */
  public static final AtKey AT_SECRET = AtKey.ofPrivateKey("at_secret");

  /** Marker written when the owner deleted the CRAM secret: it is never seeded again. */
  public static final AtKey AT_SECRET_DELETED = AtKey.ofPrivateKey("at_secret_deleted");

  /** The legacy PKAM public key (base64 X.509 SubjectPublicKeyInfo). */
  public static final AtKey PKAM_PUBLIC_KEY = AtKey.ofPrivateKey("at_pkam_publickey");

  /** Marker written once the server generated its signing key pair. */
  public static final AtKey SIGNING_KEYPAIR_GENERATED =
      AtKey.ofPrivateKey("signing_keypair_generated");

  private static final String SIGNING_PUBLIC = "signing_publickey";
  private static final String SIGNING_PRIVATE = "signing_privatekey";
  private static final String ENCRYPTION_PUBLIC = "publickey";
  private static final Set<String> PROTECTED_ENTITIES =
      Set.of(SIGNING_PUBLIC, SIGNING_PRIVATE, ENCRYPTION_PUBLIC);

  private ReservedKeys() {}

  /** {@code public:signing_publickey@<me>}: the server's signing public key, for {@code pol}. */
  public static AtKey signingPublicKey(AtSign me) {
    return AtKey.ofPublic(SIGNING_PUBLIC, me);
  }

  /**
   * {@code @<me>:signing_privatekey@<me>}: the server's signing private key, under the reference's
   * name (a key shared with its owner, distinct from the self key {@code signing_privatekey@<me>}).
   */
  public static AtKey signingPrivateKey(AtSign me) {
    return AtKey.ofShared(me, SIGNING_PRIVATE, me);
  }

  /**
   * {@code signing_privatekey@<me>}: where stores written before keys shared with their owner were
   * kept apart held the signing private key; moved to {@link #signingPrivateKey} at start.
   */
  public static AtKey legacySigningPrivateKey(AtSign me) {
    return AtKey.ofSelf(SIGNING_PRIVATE, me);
  }

  /**
   * Whether a key may not be deleted (AT0009): the signing keys, the encryption public key and the
   * PKAM public key, in their public, self or owner-shared form (reference {@code _protectedKeys}).
   */
  public static boolean isProtected(AtKey key, AtSign me) {
    if (key.equals(PKAM_PUBLIC_KEY)) {
      return true;
    }
    return !key.cached()
        && me.equals(key.owner())
        && (key.visibility() == KeyVisibility.PUBLIC
            || key.visibility() == KeyVisibility.SELF
            || (key.visibility() == KeyVisibility.SHARED && me.equals(key.sharedWith())))
        && PROTECTED_ENTITIES.contains(key.entity());
  }

  /**
   * Whether a key is written by the server itself and not through {@code update}: the signing key
   * pair (overwriting it would break {@code pol}), and the legacy name of the private key, so that
   * no client writes a value the start-up migration would take for the server's key.
   */
  public static boolean isServerManaged(AtKey key, AtSign me) {
    return key.equals(signingPublicKey(me))
        || key.equals(signingPrivateKey(me))
        || key.equals(legacySigningPrivateKey(me));
  }
}
