package dev.atpj.protocol.command;

import static dev.atpj.protocol.command.Parsing.ALICE;
import static dev.atpj.protocol.command.Parsing.assertCanonical;
import static dev.atpj.protocol.command.Parsing.assertParses;
import static dev.atpj.protocol.command.Parsing.assertSyntax;
import static dev.atpj.protocol.command.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.AtSign;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthCommandsTest {

  @Test
  void from() {
    assertCanonical("from:@alice", new From(ALICE));
    assertParses("from:alice", new From(ALICE), "from:@alice");
    assertParses("FROM:@Alice", new From(ALICE), "from:@alice");
    assertParses(
        "from:realisticforeign",
        new From(AtSign.parse("realisticforeign")),
        "from:@realisticforeign");
    String json = "{\"version\":\"3.0.57\",\"appName\":\"app:x\",\"platform\":\"linux\"}";
    assertCanonical("from:@alice:clientConfig:" + json, new From(ALICE, json));
  }

  @ParameterizedTest
  @CsvSource({
    "3.0.57, true",
    "3.0.38, true",
    "3.1, true",
    "10.0.0, true",
    "3.0.38-beta, true",
    "3.0.37, false",
    "3.0.9, false",
    "2.9.99, false",
    "junk, false"
  })
  void jsonErrorsOnlyForClientsAbove3037(String version, boolean json) {
    From from = (From) parse("from:@alice:clientConfig:{\"version\":\"" + version + "\"}");
    assertThat(from.clientVersion()).isEqualTo(version);
    assertThat(from.wantsJsonErrors()).isEqualTo(json);
  }

  @Test
  void noVersionMeansLegacyErrors() {
    assertThat(new From(ALICE).wantsJsonErrors()).isFalse();
    assertThat(new From(ALICE).clientVersion()).isNull();
    From noVersion = (From) parse("from:@alice:clientConfig:{\"appName\":\"x\"}");
    assertThat(noVersion.clientVersion()).isNull();
    assertThat(noVersion.wantsJsonErrors()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "from",
        "from:",
        "from:@",
        "from:@al ice",
        "from:@al@ice",
        "from:@alice:",
        "from:@alice:foo",
        "from:@alice:clientConfig:",
        "from:@alice:clientConfig:notjson",
        "from:@alice:clientConfig:{bad}",
        "from:@alice:clientConfig:[1]",
        "from:@a!ice"
      })
  void badFrom(String line) {
    assertSyntax(line, Verb.FROM);
  }

  @Test
  void cram() {
    String digest = "a".repeat(128);
    assertCanonical("cram:" + digest, new Cram(digest));
    assertSyntax("cram", Verb.CRAM);
    assertSyntax("cram:", Verb.CRAM);
  }

  @Test
  void pkam() {
    assertCanonical("pkam:RZBS+/Ag==", new Pkam("RZBS+/Ag=="));
    assertCanonical(
        "pkam:signingAlgo:rsa2048:hashingAlgo:sha256:enrollmentId:1a2b-3c:c2ln",
        new Pkam("rsa2048", "sha256", "1a2b-3c", "c2ln"));
    assertCanonical("pkam:enrollmentId:abc:c2ln", new Pkam(null, null, "abc", "c2ln"));
    assertCanonical(
        "pkam:signingAlgo:ecc_secp256r1:hashingAlgo:sha512:c2ln",
        new Pkam("ecc_secp256r1", "sha512", null, "c2ln"));
    assertParses(
        "pkam:enrollApprovalId:abc:c2ln",
        new Pkam(null, null, "abc", "c2ln"),
        "pkam:enrollmentId:abc:c2ln");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pkam",
        "pkam:",
        "pkam:signingAlgo:foo:c2ln",
        "pkam:hashingAlgo:md5:c2ln",
        "pkam:a:b",
        "pkam:sig nature"
      })
  void badPkam(String line) {
    assertSyntax(line, Verb.PKAM);
  }

  @Test
  void pol() {
    assertCanonical("pol", new Pol());
    assertParses("POL", new Pol(), "pol");
    assertSyntax("pol:x", Verb.POL);
    assertSyntax("pol x", Verb.POL);
  }
}
