package dev.atpj.protocol.command;

import static dev.atpj.protocol.command.Parsing.assertCanonical;
import static dev.atpj.protocol.command.Parsing.assertInvalid;
import static dev.atpj.protocol.command.Parsing.assertSyntax;

import dev.atpj.protocol.AtErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyncStatsTest {

  @Test
  void sync() {
    assertCanonical("sync:from:-1:limit:10", new SyncFrom(-1, 10, null));
    assertCanonical("sync:from:5:limit:10:.*wavi", new SyncFrom(5, 10, ".*wavi"));
    assertCanonical("sync:from:5:limit:10:a:b", new SyncFrom(5, 10, "a:b"));
    assertCanonical("sync:24", new Sync(24));
    assertCanonical("sync:-1", new Sync(-1));
    assertCanonical("sync:5:.*wavi", new Sync(5, ".*wavi"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sync",
        "sync:",
        "sync:from",
        "sync:from:5",
        "sync:from:5:limit",
        "sync:from:5:limit:",
        "sync:from:x:limit:1",
        "sync:from:5:limit:1:",
        "sync:abc",
        "sync:-2",
        "sync:5 x"
      })
  void badSync(String line) {
    assertSyntax(line, Verb.SYNC);
  }

  @Test
  void syncNumbersOutOfRange() {
    assertInvalid("sync:from:1:limit:99999999999", Verb.SYNC, AtErrorCode.ILLEGAL_ARGUMENTS);
    assertInvalid("sync:99999999999999999999", Verb.SYNC, AtErrorCode.ILLEGAL_ARGUMENTS);
  }

  @Test
  void stats() {
    assertCanonical("stats", new Stats());
    assertCanonical("stats:1", new Stats(List.of(1), null));
    assertCanonical("stats:1,3", new Stats(List.of(1, 3), null));
    assertCanonical("stats:3:.*", new Stats(List.of(3), ".*"));
    assertCanonical("stats:15:.*wavi", new Stats(List.of(15), ".*wavi"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "stats:0",
        "stats:a",
        "stats:1:.*",
        "stats:1,3:.*",
        "stats:1,,3",
        "stats::x",
        "stats:3:",
        "stats x"
      })
  void badStats(String line) {
    Invalid invalid = Parsing.assertInvalid(line, Verb.STATS, expectedCode(line));
    org.assertj.core.api.Assertions.assertThat(invalid.verb().requiresAuth()).isTrue();
  }

  private static AtErrorCode expectedCode(String line) {
    return line.equals("stats:0") ? AtErrorCode.ILLEGAL_ARGUMENTS : AtErrorCode.INVALID_SYNTAX;
  }
}
