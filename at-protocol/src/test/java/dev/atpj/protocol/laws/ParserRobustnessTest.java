package dev.atpj.protocol.laws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.command.Command;
import dev.atpj.protocol.command.CommandParser;
import dev.atpj.protocol.command.Invalid;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The parser never throws, whatever it is given, and whatever it accepts it renders to a line that
 * parses to the same command.
 */
class ParserRobustnessTest {
  private final CommandParser parser = new CommandParser();

  @Provide
  Arbitrary<String> anyStrings() {
    return Arbitraries.strings().all().ofMaxLength(400);
  }

  @Provide
  Arbitrary<String> utf8Bytes() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofMaxSize(400)
        .map(b -> new String(b, StandardCharsets.UTF_8));
  }

  /** Lines built from protocol tokens, which reach far deeper into the parsers than noise. */
  @Provide
  Arbitrary<String> tokenSoup() {
    Arbitrary<String> verb =
        Arbitraries.of(
            "update",
            "update:meta",
            "update:json",
            "llookup",
            "lookup",
            "plookup",
            "delete",
            "scan",
            "notify",
            "notify:all",
            "notify:list",
            "notify:status",
            "notify:fetch",
            "monitor",
            "sync",
            "sync:from",
            "stats",
            "info",
            "noop",
            "config",
            "config:block",
            "from",
            "pkam",
            "cram",
            "pol",
            "@exit",
            "UPDATE",
            "Scan");
    Arbitrary<String> token =
        Arbitraries.of(
            "@",
            "@bob",
            "@alice",
            "@Bob",
            "public",
            "private",
            "privatekey",
            "cached",
            "local",
            "meta",
            "all",
            "ttl",
            "ttr",
            "ccd",
            "isBinary",
            "true",
            "false",
            "null",
            "-1",
            "0",
            "5",
            "99999999999999999999",
            "limit",
            "from",
            "showhidden",
            "page",
            "messageType",
            "text",
            "key",
            "notifier",
            "strategy",
            "latest",
            "latestN",
            "id",
            "update",
            "delete",
            "k",
            "x.y",
            "k@alice",
            "_h@bob",
            "a,b",
            "=",
            "{}",
            "{\"version\":\"3.1\"}",
            "\"",
            "\u0000",
            "\n",
            "🛠",
            "\uD800",
            "_",
            "2024-01-01",
            "bypassCache",
            "priority",
            "high",
            "selfNotifications",
            "strict",
            "multiplexed",
            "clientConfig",
            "add",
            "remove",
            "show",
            "set",
            "x=y",
            "signingAlgo",
            "rsa2048",
            "enrollmentId",
            "brief",
            "",
            "3,15");
    Arbitrary<String> separator = Arbitraries.of(":", ":", ":", ":", " ", "", "::", "@");
    Arbitrary<String> piece = Combinators.combine(separator, token).as(String::concat);
    return Combinators.combine(verb, piece.list().ofMaxSize(12))
        .as((v, pieces) -> v + String.join("", pieces));
  }

  /** Canonical lines with a few characters inserted, deleted or replaced. */
  @Provide
  Arbitrary<String> mutatedCommands() {
    return Combinators.combine(
            CommandGen.any().map(Command::render),
            Arbitraries.integers().between(0, 1000).list().ofMinSize(1).ofMaxSize(4),
            Arbitraries.chars().all().list().ofMinSize(4).ofMaxSize(4),
            Arbitraries.integers().between(0, 2))
        .as(ParserRobustnessTest::mutate);
  }

  private static String mutate(
      String line, List<Integer> positions, List<Character> chars, int op) {
    StringBuilder out = new StringBuilder(line);
    for (int i = 0; i < positions.size(); i++) {
      if (out.length() == 0) {
        break;
      }
      int at = positions.get(i) % out.length();
      switch ((op + i) % 3) {
        case 0 -> out.insert(at, chars.get(i));
        case 1 -> out.deleteCharAt(at);
        default -> out.setCharAt(at, chars.get(i));
      }
    }
    return out.toString();
  }

  @Property(tries = 1000)
  void randomStringsNeverThrow(@ForAll("anyStrings") String line) {
    checkStable(line);
  }

  @Property(tries = 1000)
  void randomUtf8NeverThrows(@ForAll("utf8Bytes") String line) {
    checkStable(line);
  }

  @Property(tries = 2000)
  void tokenSoupNeverThrows(@ForAll("tokenSoup") String line) {
    checkStable(line);
  }

  @Property(tries = 2000)
  void mutatedCommandsNeverThrow(@ForAll("mutatedCommands") String line) {
    checkStable(line);
  }

  @Example
  void hugeAndHostileInputs() {
    String[] lines = {
      "x".repeat(5_000_000),
      "update:" + "a".repeat(3_000_000) + "@alice v",
      "notify:" + "@bob:".repeat(200_000),
      "from:@alice:clientConfig:" + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000),
      "update:json:" + "[".repeat(200_000),
      "scan " + "\uD800".repeat(1000),
      "\uFEFFscan",
      "🛠".repeat(100_000),
      "stats:" + "1,".repeat(100_000) + "1"
    };
    for (String line : lines) {
      checkStable(line);
    }
  }

  /** Never throws; an accepted line renders to one that parses to the same command. */
  private void checkStable(String line) {
    Command command = parser.parse(line);
    assertThat(command).isNotNull();
    if (!(command instanceof Invalid)) {
      String rendered = command.render();
      assertThat(parser.parse(rendered)).as(line + " -> " + rendered).isEqualTo(command);
    }
  }
}
