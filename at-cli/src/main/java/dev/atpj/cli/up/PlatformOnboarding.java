package dev.atpj.cli.up;

import dev.atpj.cli.up.PrivatePlatform.RunningAtSign;
import dev.atpj.client.connection.AtConnection;
import dev.atpj.client.connection.AtConnector;
import dev.atpj.client.keys.AtKeys;
import dev.atpj.client.keys.AtKeysFile;
import dev.atpj.client.onboarding.Onboarding;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.crypto.AtCrypto;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes sure each atSign of a private platform has a working keys file, as a client would: through
 * the atDirectory, over TLS trusting the platform's CA. An atSign without a keys file is onboarded
 * (docs/protocol.md C5) keeping its CRAM secret; one with a keys file is checked with PKAM, and
 * onboarded again if its atServer no longer accepts the key (e.g. its storage was deleted).
 */
final class PlatformOnboarding {
  /** What happened to one atSign. */
  enum Outcome {
    /** The keys file existed and PKAM with it works. */
    VERIFIED,
    /** Onboarded now; the keys file is new. */
    ONBOARDED,
    /** The atServer refused the old keys, so the atSign was onboarded again. */
    REONBOARDED,
    /** Neither worked; CRAM with the secret is the only way in. */
    FAILED
  }

  /**
   * The result for one atSign.
   *
   * @param outcome what happened
   * @param problem why it failed, or null
   */
  record Result(Outcome outcome, String problem) {
    boolean hasKeys() {
      return outcome != Outcome.FAILED;
    }
  }

  private final AtConnector connector;
  private final AtCrypto crypto = new AtCrypto();
  private final AtKeysFile keysFiles = new AtKeysFile(crypto);

  PlatformOnboarding(AtConnector connector) {
    this.connector = connector;
  }

  Result prepare(RunningAtSign served, Path keysFile) {
    try {
      if (Files.isRegularFile(keysFile) && verify(served, keysFile)) {
        return new Result(Outcome.VERIFIED, null);
      }
      boolean again = Files.exists(keysFile);
      onboard(served, keysFile);
      return new Result(again ? Outcome.REONBOARDED : Outcome.ONBOARDED, null);
    } catch (AtException e) {
      return new Result(
          Outcome.FAILED, e.code().code() + " " + e.code().description() + ": " + e.detail());
    } catch (UncheckedIOException e) {
      return new Result(Outcome.FAILED, e.getMessage());
    }
  }

  /** Whether PKAM with the file's keys works; false when the file or the server rejects them. */
  private boolean verify(RunningAtSign served, Path keysFile) {
    AtKeys keys;
    try {
      keys = keysFiles.read(keysFile);
    } catch (AtException | UncheckedIOException e) {
      return false;
    }
    try (AtConnection connection = connector.connect(served.atSign())) {
      connection.authenticateWithPkam(served.atSign(), keys);
      return true;
    } catch (AtException e) {
      if (e.code() == AtErrorCode.UNAUTHENTICATED) {
        return false;
      }
      throw e;
    }
  }

  private void onboard(RunningAtSign served, Path keysFile) {
    try (AtConnection connection = connector.connect(served.atSign())) {
      new Onboarding(crypto)
          .onboard(
              connection,
              served.atSign(),
              served.cramSecret(),
              keysFile,
              Onboarding.CramSecret.KEEP);
    }
  }
}
