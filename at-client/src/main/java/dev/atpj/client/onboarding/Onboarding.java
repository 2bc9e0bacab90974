package dev.atpj.client.onboarding;

import dev.atpj.client.connection.AtConnection;
import dev.atpj.client.keys.AtKeys;
import dev.atpj.client.keys.AtKeysFile;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.Delete;
import dev.atpj.protocol.command.Update;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.protocol.key.AtKey;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Onboards an atSign as the official clients do (docs/protocol.md C5): authenticate with the CRAM
 * secret, generate the PKAM and encryption key pairs and the self-encryption key, install the PKAM
 * public key ({@code update:privatekey:at_pkam_publickey}), authenticate again with PKAM, publish
 * the encryption public key ({@code update:public:publickey@<me>}), write the atKeys file, and
 * finally delete the CRAM secret ({@code delete:privatekey:at_secret}) unless asked to keep it.
 *
 * <p>The keys file is written only after the server accepted the PKAM key and before the secret is
 * deleted, so a failure at any step leaves the atSign re-onboardable with its secret (the official
 * client writes the file first, which can leave a file the server does not know).
 */
public final class Onboarding {
  /** The reserved key holding the legacy PKAM public key. */
  public static final String PKAM_PUBLIC_KEY = "at_pkam_publickey";

  /** The reserved key holding the CRAM secret. */
  public static final String CRAM_SECRET_KEY = "at_secret";

  /** The public key holding the encryption public key. */
  public static final String ENCRYPTION_PUBLIC_KEY = "publickey";

  /** What to do with the CRAM secret once the PKAM key works. */
  public enum CramSecret {
    /** Delete it, as the official onboarding does: only PKAM works afterwards. */
    DELETE,
    /** Keep it, so CRAM keeps working beside PKAM ({@code ./atp up} does this). */
    KEEP
  }

  private final AtCrypto crypto;
  private final AtKeysFile keysFiles;

  /**
   * Creates an onboarding.
   *
   * @param crypto the crypto conventions (key generation, signatures)
   */
  public Onboarding(AtCrypto crypto) {
    this.crypto = Objects.requireNonNull(crypto, "crypto");
    this.keysFiles = new AtKeysFile(crypto);
  }

  /**
   * Onboards an atSign over an open, unauthenticated connection to its atServer.
   *
   * @param connection the connection (authenticated as the atSign afterwards)
   * @param atSign the atSign
   * @param cramSecret its CRAM secret
   * @param keysFile where to write the atKeys file (replaced if present)
   * @param secret whether to delete or keep the CRAM secret
   * @return the generated keys
   * @throws AtException the server's error at the step that failed
   */
  public AtKeys onboard(
      AtConnection connection, AtSign atSign, String cramSecret, Path keysFile, CramSecret secret) {
    connection.authenticateWithCram(atSign, cramSecret);
    return install(connection, atSign, AtKeys.generate(crypto), keysFile, secret);
  }

  /**
   * Onboards an atSign with keys made beforehand (e.g. test keys, or keys generated on another
   * device): the same steps as {@link #onboard(AtConnection, AtSign, String, Path, CramSecret)}
   * without generating keys.
   *
   * @param connection the connection (authenticated as the atSign afterwards)
   * @param atSign the atSign
   * @param cramSecret its CRAM secret
   * @param keys the keys to install
   * @param keysFile where to write the atKeys file (replaced if present), or {@code null} to write
   *     none (the caller keeps the keys)
   * @param secret whether to delete or keep the CRAM secret
   * @return the keys
   * @throws AtException the server's error at the step that failed
   */
  public AtKeys onboard(
      AtConnection connection,
      AtSign atSign,
      String cramSecret,
      AtKeys keys,
      Path keysFile,
      CramSecret secret) {
    Objects.requireNonNull(keys, "keys");
    connection.authenticateWithCram(atSign, cramSecret);
    return install(connection, atSign, keys, keysFile, secret);
  }

  private AtKeys install(
      AtConnection connection, AtSign atSign, AtKeys keys, Path keysFile, CramSecret secret) {
    step(
        "install the PKAM public key",
        () ->
            connection.execute(
                new Update(null, AtKey.ofPrivateKey(PKAM_PUBLIC_KEY), keys.pkamPublicKey())));
    step("authenticate with the new PKAM key", () -> connection.authenticateWithPkam(atSign, keys));
    step(
        "publish the encryption public key",
        () ->
            connection.execute(
                new Update(
                    null,
                    AtKey.ofPublic(ENCRYPTION_PUBLIC_KEY, atSign),
                    keys.encryptionPublicKey())));
    if (keysFile != null) {
      keysFiles.write(keysFile, atSign, keys);
    }
    if (secret == CramSecret.DELETE) {
      step(
          "delete the CRAM secret",
          () -> connection.execute(new Delete(null, AtKey.ofPrivateKey(CRAM_SECRET_KEY))));
    }
    return keys;
  }

  private static void step(String what, Runnable action) {
    try {
      action.run();
    } catch (AtException e) {
      throw new AtException(e.code(), "onboarding could not " + what + ": " + e.detail(), e);
    }
  }
}
