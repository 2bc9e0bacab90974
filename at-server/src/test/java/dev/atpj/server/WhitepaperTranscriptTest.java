package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.store.CommitOp;
import dev.atpj.store.StoredValue;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner transcripts of the whitepaper ({@code openssl s_client} sessions): from/cram,
 * update/lookup/delete and scan. One deliberate difference: a lookup of a deleted key answers
 * AT0015 instead of {@code data:null} (docs/protocol.md A4).
 */
@ExtendWith(SharedTestPki.class)
class WhitepaperTranscriptTest {
  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @TempDir static Path data;
  private static AtServerFixture fixture;
  private static AtServer tiger;
  private static AtServer realistic;

  @BeforeAll
  static void start(TestPki pki) {
    fixture = new AtServerFixture(pki, data);
    tiger = fixture.start("@tigerequivalent");
    realistic = fixture.start("@realisticforeign");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void fromCramThenUpdates() {
    try (WireClient session = fixture.connect(tiger)) {
      assertThat(session.lastPrompt()).isEqualTo("@");
      String challenge = session.command("from:@tigerequivalent");
      assertThat(challenge).matches("data:_" + UUID + "@tigerequivalent:" + UUID);
      String digest =
          AtCrypto.cramDigest(AtServerFixture.secretOf("@tigerequivalent"), challenge.substring(5));
      assertThat(session.command("cram:" + digest)).isEqualTo("data:success");
      assertThat(session.lastPrompt()).isEqualTo("@tigerequivalent@");
      String first = session.command("update:public:email@tigerequivalent tiger@example.com");
      String second =
          session.command("update:@realisticforeign:email@tigerequivalent tiger@work.example.com");
      assertThat(first).matches("data:\\d+");
      assertThat(Long.parseLong(second.substring(5)))
          .isEqualTo(Long.parseLong(first.substring(5)) + 1);
      assertThat(session.lastPrompt()).isEqualTo("@tigerequivalent@");
    }
  }

  @Test
  void updateLookupDelete() {
    try (WireClient session = Wire.owner(fixture, realistic)) {
      String updated = session.command("update:public:test@realisticforeign test data");
      assertThat(updated).matches("data:\\d+");
      assertThat(session.command("lookup:public:test@realisticforeign"))
          .isEqualTo("data:test data");
      assertThat(session.command("delete:public:test@realisticforeign"))
          .isEqualTo("data:" + (Long.parseLong(updated.substring(5)) + 1));
      assertThat(session.command("lookup:public:test@realisticforeign"))
          .startsWith("error:AT0015-");
      assertThat(session.lastPrompt()).isEqualTo("@realisticforeign@");
    }
  }

  @Test
  void scanBeforeAndAfterAuthentication() {
    try (WireClient owner = Wire.owner(fixture, realistic)) {
      for (String key : new String[] {"location.wavi", "locationnickname.wavi", "publickey"}) {
        assertThat(owner.command("update:public:" + key + "@realisticforeign v"))
            .startsWith("data:");
      }
    }
    realistic
        .store()
        .put(
            "cached:public:email@tigerequivalent",
            new StoredValue("tiger@example.com", Metadata.EMPTY),
            CommitOp.UPDATE)
        .join();
    try (WireClient session = fixture.connect(realistic)) {
      assertThat(session.command("scan"))
          .isEqualTo(
              "data:[\"location.wavi@realisticforeign\",\"locationnickname.wavi@realisticforeign\","
                  + "\"publickey@realisticforeign\",\"signing_publickey@realisticforeign\"]");
      Wire.cram(session, "@realisticforeign");
      assertThat(session.command("scan"))
          .isEqualTo(
              "data:[\"@realisticforeign:signing_privatekey@realisticforeign\","
                  + "\"cached:public:email@tigerequivalent\","
                  + "\"public:location.wavi@realisticforeign\","
                  + "\"public:locationnickname.wavi@realisticforeign\","
                  + "\"public:publickey@realisticforeign\","
                  + "\"public:signing_publickey@realisticforeign\"]");
      assertThat(session.command("lookup:public:publickey@realisticforeign")).isEqualTo("data:v");
    }
  }
}
