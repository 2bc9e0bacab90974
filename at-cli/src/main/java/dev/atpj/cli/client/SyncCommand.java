package dev.atpj.cli.client;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.ExitCodes;
import dev.atpj.client.AtClient;
import dev.atpj.client.sync.ConflictPolicy;
import dev.atpj.client.sync.SyncConflict;
import dev.atpj.client.sync.SyncResult;
import dev.atpj.protocol.AtException;
import dev.atpj.store.StoredValue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atp sync}: brings a local replica in step with the atServer. */
@Command(
    name = "sync",
    header = "Sync a local replica of your data with your atServer; report conflicts.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Pulls the atServer's changes into the replica (--replica, default"
          + " <home>/replicas/@NAME), then pushes the changes made in the replica with"
          + " `--replica DIR` on put and delete. A key changed on both sides is a conflict: it is"
          + " listed with both values, and the atServer's version wins unless --local-wins.",
      ""
    })
public final class SyncCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Spec private CommandSpec spec;
  @Mixin private TargetOptions target;

  @Option(names = "--replica", paramLabel = "DIR", description = "The replica's folder.")
  private Path replica;

  @Option(names = "--local-wins", description = "In a conflict, push the local version.")
  private boolean localWins;

  SyncCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    TargetOptions.Target t = target.resolve(environment);
    Path folder =
        replica != null ? replica : t.home().resolve("replicas").resolve(t.atSign().toString());
    PrintWriter out = spec.commandLine().getOut();
    try (ClientSession session =
        ClientSession.open(
            target,
            t,
            folder,
            localWins ? ConflictPolicy.LOCAL_WINS : ConflictPolicy.REMOTE_WINS)) {
      AtClient client = session.client();
      report(out, t, folder, client.sync(), client);
    }
    return ExitCodes.OK;
  }

  private static void report(
      PrintWriter out, TargetOptions.Target t, Path folder, SyncResult result, AtClient client) {
    out.println(
        "synced "
            + t.atSign()
            + " ("
            + folder
            + "): pulled "
            + result.pulled()
            + ", pushed "
            + result.pushed()
            + ", "
            + result.conflicts().size()
            + " conflict"
            + (result.conflicts().size() == 1 ? "" : "s")
            + ", at commit "
            + result.serverCommitId());
    for (SyncConflict c : result.conflicts()) {
      out.println(
          "conflict "
              + c.key()
              + ": local "
              + shown(client, c.key(), c.local())
              + " | atServer "
              + shown(client, c.key(), c.remote())
              + " -> kept the "
              + (c.winner() == ConflictPolicy.LOCAL_WINS ? "local" : "atServer")
              + " version");
    }
  }

  /** A side of a conflict as plaintext, or as stored when it cannot be decrypted. */
  private static String shown(AtClient client, String key, StoredValue value) {
    if (value == null) {
      return "(deleted)";
    }
    try {
      return "'" + client.decode(key, value).value() + "'";
    } catch (AtException e) {
      return value.value() + " (as stored)";
    }
  }
}
