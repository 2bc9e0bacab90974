package dev.atpj.protocol.command;

import static dev.atpj.protocol.command.Parsing.BOB;
import static dev.atpj.protocol.command.Parsing.assertCanonical;
import static dev.atpj.protocol.command.Parsing.assertInvalid;
import static dev.atpj.protocol.command.Parsing.assertParses;
import static dev.atpj.protocol.command.Parsing.assertSyntax;

import dev.atpj.protocol.AtErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScanMonitorTest {

  @Test
  void scan() {
    assertCanonical("scan", new Scan());
    assertParses("SCAN", new Scan(), "scan");
    assertParses("  scan  ", new Scan(), "scan");
    assertCanonical("scan:showhidden:true", new Scan(true, null, null, null));
    assertParses("scan:showHidden:true", new Scan(true, null, null, null), "scan:showhidden:true");
    assertParses(
        "scan:showHidden:true .*wavi",
        new Scan(true, null, null, ".*wavi"),
        "scan:showhidden:true .*wavi");
    assertCanonical("scan:@bob", new Scan(null, BOB, null, null));
    assertCanonical("scan:page:2", new Scan(null, null, 2, null));
    assertCanonical("scan .*", new Scan(null, null, null, ".*"));
    assertCanonical("scan \\S+ x:y", new Scan(null, null, null, "\\S+ x:y"));
    assertCanonical("scan ^PUBLIC:", new Scan(null, null, null, "^PUBLIC:"));
    assertCanonical(
        "scan:showhidden:false:@bob:page:3 ^public", new Scan(false, BOB, 3, "^public"));
    assertParses(
        "scan:page:3:@bob:showhidden:false",
        new Scan(false, BOB, 3, null),
        "scan:showhidden:false:@bob:page:3");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "scan:",
        "scan:foo",
        "scan:showhidden",
        "scan:showhidden:maybe",
        "scan:page:x",
        "scan:@bob:@carol",
        "scan:@",
        "scan:showhidden:true:showhidden:true"
      })
  void badScan(String line) {
    assertSyntax(line, Verb.SCAN);
  }

  @Test
  void monitor() {
    assertCanonical("monitor", new Monitor());
    assertCanonical("monitor:0", new Monitor(false, false, false, 0L, null));
    assertCanonical(
        "monitor:1700000000000", new Monitor(false, false, false, 1700000000000L, null));
    assertCanonical(
        "monitor:strict:selfNotifications:1234 regex",
        new Monitor(true, true, false, 1234L, "regex"));
    assertCanonical("monitor .*wavi", new Monitor(false, false, false, null, ".*wavi"));
    assertCanonical(
        "monitor:strict:selfNotifications:multiplexed:5 .*",
        new Monitor(true, true, true, 5L, ".*"));
    assertParses(
        "monitor:selfNotifications:enable",
        new Monitor(false, true, false, null, null),
        "monitor:selfNotifications");
    assertParses(
        "monitor:selfNotifications:disable:strict",
        new Monitor(true, false, false, null, null),
        "monitor:strict");
  }

  @Test
  void badMonitor() {
    assertSyntax("monitor:", Verb.MONITOR);
    assertSyntax("monitor:abc", Verb.MONITOR);
    assertSyntax("monitor:-5", Verb.MONITOR);
    assertSyntax("monitor:1:2", Verb.MONITOR);
    assertSyntax("monitor:strict:strict", Verb.MONITOR);
    assertInvalid("monitor:99999999999999999999", Verb.MONITOR, AtErrorCode.ILLEGAL_ARGUMENTS);
  }
}
