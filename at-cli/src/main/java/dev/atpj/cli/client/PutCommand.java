package dev.atpj.cli.client;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.Converters;
import dev.atpj.cli.common.ExitCodes;
import dev.atpj.client.AtClient;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.Metadata;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atp put KEY VALUE}: stores a public, self or shared value. */
@Command(
    name = "put",
    header = "Store a value: public (signed), self or shared (encrypted).",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Stores VALUE under KEY for the atSign of --as. A plain KEY such as `phone` is a self key,"
          + " encrypted with the atSign's own key; --public makes it public (signed, in clear);"
          + " --shared-with @bob shares it with @bob (encrypted with the key the two share). Full"
          + " keys work too: public:phone, @bob:phone@alice.",
      "Prints the key and the commit id.",
      ""
    })
public final class PutCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Spec private CommandSpec spec;
  @Mixin private TargetOptions target;
  @Mixin private KeyArgument keyArgument;
  @Mixin private ReplicaOption replica;

  @Parameters(index = "0", paramLabel = "KEY", description = "The key, e.g. phone.")
  private String key;

  @Parameters(index = "1", paramLabel = "VALUE", description = "The value (one line).")
  private String value;

  @Option(
      names = "--ttl",
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      description = "Time to live: the value disappears after it.")
  private Duration ttl;

  @Option(
      names = "--ttb",
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      description = "Time to birth: the value is invisible until then.")
  private Duration ttb;

  @Option(
      names = "--ttr",
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      description = "Time to refresh: how long a recipient may cache the value.")
  private Duration ttr;

  @Option(
      names = "--cache-forever",
      description = "Recipients may cache the value for ever (ttr -1).")
  private boolean cacheForever;

  @Option(names = "--ccd", description = "Cascade delete: cached copies go when the key goes.")
  private boolean ccd;

  PutCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    AtKey atKey = keyArgument.key(spec, key);
    Metadata.Builder metadata = Metadata.builder();
    metadata.ttl(ttl == null ? null : ttl.toMillis());
    metadata.ttb(ttb == null ? null : ttb.toMillis());
    metadata.ttr(cacheForever ? Long.valueOf(-1) : ttr == null ? null : ttr.toMillis());
    metadata.ccd(ccd ? Boolean.TRUE : null);
    TargetOptions.Target t = target.resolve(environment);
    try (ClientSession session = replica.open(target, t)) {
      AtClient client = session.client();
      long commitId = client.put(atKey, value, metadata.build());
      AtKey stored = atKey.owner() == null ? atKey.withOwner(client.atSign()) : atKey;
      spec.commandLine()
          .getOut()
          .println(
              stored + (session.hasReplica() ? " (local change " : " (commit ") + commitId + ")");
    }
    return ExitCodes.OK;
  }
}
