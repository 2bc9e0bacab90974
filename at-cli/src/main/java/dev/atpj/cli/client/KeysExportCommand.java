package dev.atpj.cli.client;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.ExitCodes;
import dev.atpj.client.keys.AtKeys;
import dev.atpj.client.keys.AtKeysFile;
import dev.atpj.pki.AtomicFiles;
import dev.atpj.protocol.crypto.AtCrypto;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atp keys export}: the keys as an atKeys file or as PEM. */
@Command(
    name = "export",
    header = "Export an atSign's keys: the official atKeys file, or PEM for openssl.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Writes the keys of the atSign of --as to --out (mode 600) or stdout: `atkeys`, the"
          + " official file (five fields and \"@NAME\", readable by at_java and the Dart SDK); or"
          + " `pem`, the four RSA keys as PEM blocks (PKCS#8 / X.509) plus the self-encryption"
          + " key in base64. Both hold secrets.",
      ""
    })
public final class KeysExportCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  /** What to write. */
  enum Format {
    atkeys,
    pem
  }

  @Spec private CommandSpec spec;
  @Mixin private TargetOptions target;

  @Option(names = "--format", defaultValue = "atkeys", description = "atkeys (default) or pem.")
  private Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write here (default: stdout).")
  private Path out;

  KeysExportCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    TargetOptions.Target t = target.resolve(environment);
    AtKeysFile files = new AtKeysFile(new AtCrypto());
    AtKeys keys = target.readKeys(t);
    String text = format == Format.atkeys ? files.toJson(t.atSign(), keys) + "\n" : pem(keys);
    if (out == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    } else {
      AtomicFiles.writeString(out, text, AtomicFiles.OWNER_ONLY);
    }
    return ExitCodes.OK;
  }

  private static String pem(AtKeys keys) {
    return "PKAM private key\n"
        + block("PRIVATE KEY", keys.pkamPrivateKey())
        + "PKAM public key\n"
        + block("PUBLIC KEY", keys.pkamPublicKey())
        + "encryption private key\n"
        + block("PRIVATE KEY", keys.encryptionPrivateKey())
        + "encryption public key\n"
        + block("PUBLIC KEY", keys.encryptionPublicKey())
        + "self-encryption key (AES-256, base64): "
        + keys.selfEncryptionKey()
        + "\n";
  }

  private static String block(String type, String base64) {
    StringBuilder b = new StringBuilder("-----BEGIN " + type + "-----\n");
    for (int i = 0; i < base64.length(); i += 64) {
      b.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
    }
    return b.append("-----END ").append(type).append("-----\n").toString();
  }
}
