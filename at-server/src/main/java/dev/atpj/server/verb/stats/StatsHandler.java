package dev.atpj.server.verb.stats;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.command.Stats;
import dev.atpj.server.data.KeyPattern;
import dev.atpj.server.runtime.OpsExecutor;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.stats.StatId;
import dev.atpj.server.stats.StatsCollector;
import dev.atpj.server.stats.StatsSources;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code stats}, {@code stats:<id>[,<id>…]}, {@code stats:3|15:<regex>} (docs/protocol.md B13):
 * {@code data: [{"id":"1","name":"activeInboundConnections","value":"1"}, …]} with a space after
 * {@code data:}, ids in the order asked (duplicates once), all fifteen for a bare {@code stats}. An
 * unknown id gives AT0003. Values are computed on the ops executor.
 */
public final class StatsHandler implements VerbHandler<Stats> {
  private final StatsSources sources;
  private final OpsExecutor opsExecutor;

  /**
   * A handler with the services it uses.
   *
   * @param sources what the statistics are read from
   * @param opsExecutor where work too long for an event loop runs
   */
  public StatsHandler(StatsSources sources, OpsExecutor opsExecutor) {
    this.sources = sources;
    this.opsExecutor = opsExecutor;
  }

  @Override
  public Class<Stats> commandType() {
    return Stats.class;
  }

  @Override
  public CompletionStage<Reply> handle(Stats command, SessionContext session) {
    List<StatId> ids = ids(command.ids());
    KeyPattern filter = command.regex() == null ? null : KeyPattern.compile(command.regex());
    StatsCollector collector = new StatsCollector(sources, filter);
    return CompletableFuture.supplyAsync(
        () -> new Reply.StatsData(collector.render(ids)), opsExecutor);
  }

  static List<StatId> ids(List<Integer> asked) {
    if (asked.isEmpty()) {
      return Arrays.asList(StatId.values());
    }
    Set<StatId> out = new LinkedHashSet<>();
    for (int id : asked) {
      out.add(
          StatId.of(id)
              .orElseThrow(
                  () -> new AtException(AtErrorCode.INVALID_SYNTAX, "No metric with ID " + id)));
    }
    return new ArrayList<>(out);
  }
}
