package dev.atpj.protocol.command;

import static dev.atpj.protocol.command.Parsing.ALICE;
import static dev.atpj.protocol.command.Parsing.BOB;
import static dev.atpj.protocol.command.Parsing.assertCanonical;
import static dev.atpj.protocol.command.Parsing.assertInvalid;
import static dev.atpj.protocol.command.Parsing.assertParses;
import static dev.atpj.protocol.command.Parsing.assertSyntax;

import dev.atpj.protocol.AtErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerCommandsTest {

  @Test
  void info() {
    assertCanonical("info", new Info(false));
    assertCanonical("info:brief", new Info(true));
    assertParses("Info", new Info(false), "info");
    assertParses("INFO:BRIEF", new Info(true), "info:brief");
    assertSyntax("info:x", Verb.INFO);
    assertSyntax("info:brief:x", Verb.INFO);
  }

  @Test
  void noop() {
    assertCanonical("noop:0", new Noop(0));
    assertCanonical("noop:5000", new Noop(5000));
    assertCanonical("noop:60000", new Noop(60000));
    assertParses("NOOP:0", new Noop(0), "noop:0");
    assertSyntax("noop", Verb.NOOP);
    assertSyntax("noop:", Verb.NOOP);
    assertSyntax("noop:-1", Verb.NOOP);
    assertSyntax("noop:abc", Verb.NOOP);
    assertInvalid("noop:99999999999999999999", Verb.NOOP, AtErrorCode.ILLEGAL_ARGUMENTS);
  }

  @Test
  void config() {
    assertCanonical(
        "config:block:add:@alice @bob",
        new ConfigBlock(ConfigBlock.Operation.ADD, List.of(ALICE, BOB)));
    assertCanonical(
        "config:block:remove:@alice",
        new ConfigBlock(ConfigBlock.Operation.REMOVE, List.of(ALICE)));
    assertCanonical("config:block:show", new ConfigBlock(ConfigBlock.Operation.SHOW, List.of()));
    assertParses(
        "config:block:add:@Alice  @bob",
        new ConfigBlock(ConfigBlock.Operation.ADD, List.of(ALICE, BOB)),
        "config:block:add:@alice @bob");
    assertCanonical(
        "config:set:notification.autoNotify=false",
        new ConfigSetting(ConfigSetting.Operation.SET, "notification.autoNotify", "false"));
    assertCanonical("config:set:a=b=c", new ConfigSetting(ConfigSetting.Operation.SET, "a", "b=c"));
    assertCanonical("config:set:x=", new ConfigSetting(ConfigSetting.Operation.SET, "x", ""));
    assertCanonical(
        "config:reset:name", new ConfigSetting(ConfigSetting.Operation.RESET, "name", null));
    assertCanonical(
        "config:print:name", new ConfigSetting(ConfigSetting.Operation.PRINT, "name", null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "config",
        "config:",
        "config:block",
        "config:block:add",
        "config:block:add:",
        "config:block:show:@a",
        "config:block:drop:@a",
        "config:block:add:@a!",
        "config:set:name",
        "config:set:=v",
        "config:reset:",
        "config:foo:bar"
      })
  void badConfig(String line) {
    assertSyntax(line, Verb.CONFIG);
  }

  @Test
  void exit() {
    assertCanonical("@exit", new Exit());
    assertParses("@EXIT", new Exit(), "@exit");
    assertSyntax("@exit now", Verb.EXIT);
    assertSyntax("@exit:", Verb.EXIT);
    assertSyntax("exit", null);
  }
}
