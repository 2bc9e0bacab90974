package dev.atpj.cli.client;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.ExitCodes;
import dev.atpj.client.AtClient;
import dev.atpj.protocol.key.AtKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atp delete KEY}: deletes one of the atSign's keys. */
@Command(
    name = "delete",
    header = "Delete one of your keys.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Deletes KEY of the atSign of --as (a shared key's recipient is notified by the atServer).",
      ""
    })
public final class DeleteCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Spec private CommandSpec spec;
  @Mixin private TargetOptions target;
  @Mixin private KeyArgument keyArgument;
  @Mixin private ReplicaOption replica;

  @Parameters(paramLabel = "KEY", description = "The key, e.g. phone or @bob:phone.")
  private String key;

  DeleteCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    AtKey atKey = keyArgument.key(spec, key);
    TargetOptions.Target t = target.resolve(environment);
    try (ClientSession session = replica.open(target, t)) {
      AtClient client = session.client();
      long commitId = client.delete(atKey);
      AtKey deleted = atKey.owner() == null ? atKey.withOwner(client.atSign()) : atKey;
      spec.commandLine()
          .getOut()
          .println(
              "deleted "
                  + deleted
                  + (session.hasReplica() ? " (local change " : " (commit ")
                  + commitId
                  + ")");
    }
    return ExitCodes.OK;
  }
}
