package dev.atpj.server.verb.basic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atpj.protocol.command.Info;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code info}: {@code {"version":…,"uptimeAsWords":"…"}}; {@code info:brief}: {@code
 * {"version":…,"uptimeAsMillis":N}} (docs/protocol.md B13).
 */
public final class InfoHandler implements VerbHandler<Info> {
  private final Instant startedAt;
  private final Clock clock;
  private final String version;

  /**
   * A handler with the services it uses.
   *
   * @param startedAt when the server started
   * @param clock the clock
   * @param version the server's version
   */
  public InfoHandler(Instant startedAt, Clock clock, String version) {
    this.startedAt = startedAt;
    this.clock = clock;
    this.version = version;
  }

  private final ObjectMapper json = new ObjectMapper();

  @Override
  public Class<Info> commandType() {
    return Info.class;
  }

  @Override
  public CompletionStage<Reply> handle(Info command, SessionContext session) {
    Duration uptime = Duration.between(startedAt, clock.instant());
    ObjectNode body = json.createObjectNode().put("version", version);
    if (command.brief()) {
      body.put("uptimeAsMillis", uptime.toMillis());
    } else {
      body.put("uptimeAsWords", words(uptime));
    }
    return CompletableFuture.completedFuture(Reply.data(body.toString()));
  }

  static String words(Duration uptime) {
    return uptime.toDaysPart()
        + " days "
        + uptime.toHoursPart()
        + " hours "
        + uptime.toMinutesPart()
        + " minutes "
        + uptime.toSecondsPart()
        + " seconds";
  }
}
