package dev.atpj.cli.client;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.ExitCodes;
import dev.atpj.client.keys.AtKeys;
import java.io.PrintWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code atp keys show}: what an atKeys file holds, without the private keys. */
@Command(
    name = "show",
    header = "Show an atSign's keys file: public keys and fingerprints, no secrets.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true)
public final class KeysShowCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Spec private CommandSpec spec;
  @Mixin private TargetOptions target;

  KeysShowCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    TargetOptions.Target t = target.resolve(environment);
    AtKeys keys = target.readKeys(t);
    PrintWriter out = spec.commandLine().getOut();
    out.println("atSign                 " + t.atSign());
    out.println("keys file              " + t.keysFile());
    out.println("PKAM public key        SHA-256 " + fingerprint(keys.pkamPublicKey()));
    out.println("encryption public key  SHA-256 " + fingerprint(keys.encryptionPublicKey()));
    out.println("self-encryption key    AES-256 (secret; `atp keys export` writes it)");
    out.println("PKAM public key (base64 X.509):");
    out.println("  " + keys.pkamPublicKey());
    out.println("encryption public key (base64 X.509, public:publickey" + t.atSign() + "):");
    out.println("  " + keys.encryptionPublicKey());
    return ExitCodes.OK;
  }

  /** SHA-256 of the key's DER bytes, hex. */
  static String fingerprint(String base64Key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(base64Key)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
