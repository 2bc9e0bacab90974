package dev.atpj.cli.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.ExitCodes;
import dev.atpj.client.data.AtValue;
import dev.atpj.client.data.SignatureStatus;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.MetadataJson;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atp get KEY}: reads and decrypts a value. */
@Command(
    name = "get",
    header =
        "Read a value, decrypted: your own, another atSign's public one, or one shared with you.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Prints the value of KEY as the atSign of --as may read it: `phone` (own self key),"
          + " `--public location` or `public:location@bob` (public), `--shared-with @bob phone`"
          + " (what you share with @bob), `phone@alice` (what @alice shares with you).",
      "Public and self values are signed: a signature that does not verify is an error.",
      ""
    })
public final class GetCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Spec private CommandSpec spec;
  @Mixin private TargetOptions target;
  @Mixin private KeyArgument keyArgument;
  @Mixin private ReplicaOption replica;

  @Parameters(paramLabel = "KEY", description = "The key, e.g. phone@alice.")
  private String key;

  @Option(
      names = "--fresh",
      description = "For another atSign's data: ask its atServer, not a cached copy.")
  private boolean fresh;

  @Option(names = "--meta", description = "Print the metadata (JSON) on a second line.")
  private boolean meta;

  @Option(
      names = "--json",
      description = "Print {\"key\",\"value\",\"signature\",\"metadata\"} as one JSON line.")
  private boolean json;

  GetCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    AtKey atKey = keyArgument.key(spec, key);
    TargetOptions.Target t = target.resolve(environment);
    AtValue value;
    try (ClientSession session = replica.open(target, t)) {
      value = session.client().get(atKey, fresh);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectMapper mapper = new ObjectMapper();
      ObjectNode node = mapper.createObjectNode();
      node.put("key", value.key().toString());
      node.put("value", value.value());
      node.put("signature", value.signature().name().toLowerCase());
      node.set("metadata", mapper.readTree(MetadataJson.render(value.metadata())));
      out.println(mapper.writeValueAsString(node));
      return ExitCodes.OK;
    }
    if (value.signature() == SignatureStatus.INVALID) {
      throw new AtException(
          AtErrorCode.CLIENT_EXCEPTION,
          "the signature of " + value.key() + " does not verify: the value may have been changed");
    }
    out.println(value.value());
    if (meta) {
      out.println(MetadataJson.render(value.metadata()));
    }
    return ExitCodes.OK;
  }
}
