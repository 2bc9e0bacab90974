package dev.atpj.protocol.command;

import static dev.atpj.protocol.command.Parsing.assertSyntax;
import static dev.atpj.protocol.command.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.AtErrorCode;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "lokup:x@alice",
        "hello",
        "",
        "   ",
        "exit",
        ":x",
        "@alice",
        "batch:[]",
        "stream:init",
        "update-meta:x",
        "\u0000",
        "notify-list"
      })
  void unknownVerbs(String line) {
    Invalid invalid = assertSyntax(line, null);
    assertThat(invalid.reason()).isEqualTo(Invalid.UNKNOWN_VERB_REASON);
    assertThat(invalid.toException().code()).isEqualTo(AtErrorCode.INVALID_SYNTAX);
    assertThat(invalid.render()).isEmpty();
  }

  @Test
  void nullLineIsAnUnknownVerb() {
    assertThat(parse(null)).isEqualTo(Invalid.unknownVerb());
  }

  @Test
  void surroundingWhitespaceIsIgnored() {
    assertThat(parse("\t llookup:x@alice \r")).isEqualTo(parse("llookup:x@alice"));
    assertThat(parse("update:x@alice v  ")).isEqualTo(parse("update:x@alice v"));
  }

  @Test
  void knownVerbWithBadSyntaxKeepsTheVerbSoAuthIsCheckedFirst() {
    Invalid invalid = assertSyntax("stats:bogus", Verb.STATS);
    assertThat(invalid.verb().requiresAuth()).isTrue();
    assertThat(assertSyntax("update:k@alice", Verb.UPDATE).verb().requiresAuth()).isTrue();
    assertThat(assertSyntax("scan:bogus", Verb.SCAN).verb().requiresAuth()).isFalse();
  }

  @Test
  void verbsNeedingAuthentication() {
    Set<Verb> needAuth =
        EnumSet.of(
            Verb.UPDATE,
            Verb.UPDATE_META,
            Verb.LLOOKUP,
            Verb.PLOOKUP,
            Verb.DELETE,
            Verb.MONITOR,
            Verb.STATS,
            Verb.SYNC,
            Verb.CONFIG,
            Verb.NOTIFY_FETCH,
            Verb.NOTIFY_REMOVE,
            Verb.OTP,
            Verb.KEYS);
    for (Verb verb : Verb.values()) {
      assertThat(verb.requiresAuth()).as(verb.name()).isEqualTo(needAuth.contains(verb));
      assertThat(verb.usage()).isNotBlank();
      assertThat(Verb.fromWireName(verb.wireName())).contains(verb);
    }
    assertThat(Verb.fromWireName("nope")).isEmpty();
  }

  @Test
  void everyVerbIsReachable() {
    String[] lines = {
      "from:@a",
      "cram:x",
      "pkam:x",
      "pol",
      "update:k v",
      "update:meta:k@a",
      "llookup:k@a",
      "lookup:k@a",
      "plookup:k@a",
      "delete:k",
      "scan",
      "notify:@a:k",
      "notify:all:@a:k",
      "notify:list",
      "notify:status:1",
      "notify:fetch:1",
      "notify:remove:1",
      "monitor",
      "sync:1",
      "stats",
      "info",
      "noop:0",
      "config:block:show",
      "enroll:list",
      "otp:get",
      "keys:get:self",
      "@exit"
    };
    Set<Verb> seen = EnumSet.noneOf(Verb.class);
    for (String line : lines) {
      Command command = parse(line);
      assertThat(command).as(line).isNotInstanceOf(Invalid.class);
      seen.add(command.verb());
    }
    assertThat(seen).containsExactlyInAnyOrder(Verb.values());
  }

  @Test
  void keysAreLowerCasedValuesAndRegexesAreNot() {
    assertThat(parse("UPDATE:PUBLIC:PHONE@ALICE VALUE").render())
        .isEqualTo("update:public:phone@alice VALUE");
    assertThat(parse("scan \\S+").render()).isEqualTo("scan \\S+");
    assertThat(parse("MONITOR .*WAVI").render()).isEqualTo("monitor .*WAVI");
  }

  @Test
  void hugeLinesDoNotThrow() {
    String huge = "update:k@alice " + "v".repeat(2_000_000);
    assertThat(parse(huge)).isInstanceOf(Update.class);
    assertThat(parse("llookup:" + "k".repeat(1_000_000) + "@alice"))
        .isInstanceOfSatisfying(
            Invalid.class, i -> assertThat(i.code()).isEqualTo(AtErrorCode.INVALID_KEY));
    assertThat(parse(":".repeat(100_000))).isInstanceOf(Invalid.class);
    assertThat(parse("notify" + ":ttl:1".repeat(50_000) + ":@bob:k")).isInstanceOf(Invalid.class);
  }
}
