package dev.atpj.cli.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.Converters;
import dev.atpj.cli.common.ExitCodes;
import dev.atpj.cli.common.StopSignals;
import dev.atpj.client.AtClient;
import dev.atpj.client.notify.AtNotification;
import dev.atpj.client.notify.Subscription;
import dev.atpj.client.notify.SubscriptionOptions;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atp monitor}: streams decrypted notifications until Ctrl-C. */
@Command(
    name = "monitor",
    header = "Stream your notifications, decrypted, until Ctrl-C.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Prints each notification of the atSign of --as on one line: time, operation, key, sender"
          + " and value (decrypted when it was encrypted for you). The connection is checked"
          + " every --heartbeat and reopened when it drops, resuming where it stopped; stderr says"
          + " when it is lost and when it is back.",
      ""
    })
public final class MonitorCommand implements Callable<Integer> {
  private final CliEnvironment environment;

  @Spec private CommandSpec spec;
  @Mixin private TargetOptions target;

  @Parameters(
      arity = "0..1",
      paramLabel = "REGEX",
      converter = Converters.RegexConverter.class,
      description = "Only notifications whose key (or sender, without @) contains a match.")
  private String regex;

  @Option(
      names = "--since",
      paramLabel = "EPOCH_MILLIS",
      converter = Converters.NonNegativeLongConverter.class,
      description = "First replay stored notifications newer than this (0: all stored).")
  private Long since;

  @Option(names = "--stats", description = "Also show stats notifications (latest commit id).")
  private boolean stats;

  @Option(names = "--json", description = "Print each notification as one JSON line.")
  private boolean json;

  @Option(
      names = "--count",
      paramLabel = "N",
      converter = Converters.PositiveConverter.class,
      description = "Stop after N notifications (default: run until Ctrl-C).")
  private Integer count;

  @Option(
      names = "--heartbeat",
      paramLabel = "DURATION",
      converter = Converters.PositiveDurationConverter.class,
      defaultValue = "30s",
      description = "How often the connection is checked (default: ${DEFAULT-VALUE}).")
  private java.time.Duration heartbeat;

  MonitorCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws InterruptedException {
    TargetOptions.Target t = target.timeoutForEachStep().resolve(environment);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CountDownLatch done = new CountDownLatch(1);
    AtomicInteger shown = new AtomicInteger();
    SubscriptionOptions options =
        SubscriptionOptions.defaults()
            .withRegex(regex)
            .withSince(since)
            .withStats(stats)
            .withTiming(heartbeat, SubscriptionOptions.DEFAULT_MAX_RECONNECT_DELAY);
    try (StopSignals.StopSignal stop = environment.stopSignals().arm();
        AtClient client = target.client(t).build()) {
      try (Subscription subscription =
          client.subscribe(
              options,
              n -> {
                if (n.isSharedKey() || (count != null && shown.get() >= count)) {
                  return;
                }
                synchronized (out) {
                  out.println(json ? json(n) : line(n));
                  out.flush();
                }
                if (count != null && shown.incrementAndGet() >= count) {
                  done.countDown();
                }
              },
              new MonitorConnectionReport(err, t.atSign()))) {
        err.println("monitoring " + t.atSign() + (count == null ? " (Ctrl-C to stop)" : ""));
        err.flush();
        Thread waiter =
            new Thread(
                () -> {
                  try {
                    stop.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  done.countDown();
                },
                "atp-monitor-stop");
        waiter.setDaemon(true);
        waiter.start();
        done.await();
      }
      stop.stopped(true);
    }
    return ExitCodes.OK;
  }

  static String line(AtNotification n) {
    StringBuilder b = new StringBuilder();
    b.append(Instant.ofEpochMilli(n.epochMillis())).append("  ");
    if (n.isStats()) {
      return b.append("stats   latest commit id ").append(n.value()).toString();
    }
    if (n.text()) {
      return b.append("text    from ").append(n.from()).append(": ").append(n.message()).toString();
    }
    b.append(n.operation() == AtNotification.Operation.DELETE ? "delete  " : "update  ");
    b.append(n.key());
    if (n.from() != null) {
      b.append("  from ").append(n.from());
    }
    if (n.value() != null) {
      b.append(": ").append(n.value());
    } else if (n.problem() != null) {
      b.append("  (").append(n.problem()).append(')');
    }
    return b.toString();
  }

  private static String json(AtNotification n) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode node = mapper.createObjectNode();
    node.put("id", n.id());
    node.put("from", n.from() == null ? null : n.from().toString());
    node.put("to", n.to() == null ? null : n.to().toString());
    node.put("key", n.key());
    node.put("operation", n.operation().name().toLowerCase());
    node.put("text", n.text());
    node.put("epochMillis", n.epochMillis());
    node.put("value", n.text() ? n.message() : n.value());
    node.put("encrypted", n.encrypted());
    if (n.problem() != null) {
      node.put("problem", n.problem());
    }
    return node.toString();
  }
}
