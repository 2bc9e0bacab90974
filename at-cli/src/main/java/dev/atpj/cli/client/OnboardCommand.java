package dev.atpj.cli.client;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.CliException;
import dev.atpj.cli.common.ExitCodes;
import dev.atpj.client.AtClient;
import dev.atpj.client.onboarding.Onboarding;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atp onboard}: onboards an atSign with its CRAM secret (docs/protocol.md C5). */
@Command(
    name = "onboard",
    header = "Onboard an atSign: new keys, PKAM installed, atKeys file written.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Authenticates with the CRAM secret (--cram, or the platform's), generates the PKAM,"
          + " encryption and self-encryption keys, installs the PKAM public key, publishes the"
          + " encryption public key, writes the atKeys file (the official format, readable by"
          + " at_java and the Dart SDK) to --keys, and deletes the CRAM secret unless"
          + " --keep-secret.",
      ""
    })
public final class OnboardCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Spec private CommandSpec spec;
  @Mixin private TargetOptions target;

  @Option(
      names = "--cram",
      paramLabel = "SECRET",
      description = "The CRAM secret (default: the one in platform.json).")
  private String cram;

  @Option(
      names = "--keep-secret",
      description = "Keep the CRAM secret on the atServer (default: delete it, as at_java does).")
  private boolean keepSecret;

  @Option(names = "--force", description = "Replace an existing keys file.")
  private boolean force;

  OnboardCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    TargetOptions.Target t = target.resolve(environment);
    String secret = cram != null ? cram : t.cramSecret();
    if (secret == null || secret.isBlank()) {
      throw new CliException("no CRAM secret for " + t.atSign() + ": give it with --cram");
    }
    if (Files.exists(t.keysFile()) && !force) {
      throw new CliException(
          t.keysFile()
              + " exists: "
              + t.atSign()
              + " looks onboarded already (add --force to make new keys and replace it)");
    }
    Onboarding.CramSecret policy =
        keepSecret ? Onboarding.CramSecret.KEEP : Onboarding.CramSecret.DELETE;
    try (AtClient client = target.clientWithoutKeys(t).build()) {
      client.onboard(secret, t.keysFile(), policy);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("onboarded " + t.atSign() + ", keys in " + t.keysFile());
    out.println(
        keepSecret
            ? "the CRAM secret is kept: CRAM and PKAM both work"
            : "the CRAM secret is deleted: only the keys file authenticates now");
    return ExitCodes.OK;
  }
}
