package dev.atpj.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.cli.CliRunner;
import dev.atpj.cli.CliRunner.Running;
import dev.atpj.cli.TrustedCa;
import dev.atpj.client.connection.AtConnection;
import dev.atpj.client.connection.AtConnector;
import dev.atpj.client.connection.ClientOptions;
import dev.atpj.client.keys.AtKeys;
import dev.atpj.client.keys.AtKeysFile;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.testing.WireClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The atSigns {@code atp up} onboards: keys file written, both CRAM and PKAM work, and the
 * atServers reach each other through the platform's directory (server-to-server lookups).
 */
class UpOnboardingTest {
  @TempDir Path home;

  @Test
  void cramAndPkamBothWorkWithWhatPlatformJsonNames() throws Exception {
    CliRunner atp = new CliRunner(home);
    Running up =
        atp.start(
            "up",
            "--home",
            home.toString(),
            "--atsigns",
            "@alice,@bob",
            "--directory-port",
            "0",
            "--base-port",
            "0");
    try {
      up.awaitLine("ready", Duration.ofSeconds(90));
      JsonNode platform = new ObjectMapper().readTree(home.resolve("platform.json").toFile());
      JsonNode alice = platform.at("/atSigns/@alice");
      assertThat(alice.has("keysFile"))
          .as("keysFile in platform.json; stderr: %s", up.err())
          .isTrue();
      assertThat(up.out()).contains("@alice", "onboarded, keys ");
      Path keysFile = Path.of(alice.get("keysFile").asText());
      assertThat(keysFile).isEqualTo(home.resolve("keys/@alice_key.atKeys"));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keysFile)))
          .isEqualTo("rw-------");
      AtKeys keys = new AtKeysFile(new AtCrypto()).read(keysFile);
      String secret = alice.get("cramSecret").asText();
      AtSign atSign = AtSign.parse("@alice");
      HostPort directory =
          new HostPort(
              platform.at("/directory/host").asText(), platform.at("/directory/port").asInt());
      ClientOptions options =
          ClientOptions.defaults().withTrustedCa(Path.of(platform.get("caFile").asText()));
      try (AtConnector connector = AtConnector.standalone(directory, options)) {
        try (AtConnection pkam = connector.connectWithPkam(atSign, keys)) {
          assertThat(pkam.execute("llookup:public:publickey@alice"))
              .isEqualTo(keys.encryptionPublicKey());
        }
        try (AtConnection cram = connector.connectWithCram(atSign, secret)) {
          assertThat(cram.authenticatedAs()).contains(atSign);
        }
      }
      AtKeys bobKeys =
          new AtKeysFile(new AtCrypto())
              .read(Path.of(platform.at("/atSigns/@bob/keysFile").asText()));
      try (AtConnector connector = AtConnector.standalone(directory, options);
          AtConnection asAlice = connector.connectWithPkam(atSign, keys);
          AtConnection asBob = connector.connectWithPkam(AtSign.parse("@bob"), bobKeys)) {
        assertThat(asBob.execute("plookup:publickey@alice"))
            .as("bob's atServer fetches alice's public key from hers")
            .isEqualTo(keys.encryptionPublicKey());
        asAlice.execute("update:@bob:phone@alice 555-1234");
        assertThat(asBob.execute("lookup:phone@alice"))
            .as("bob's atServer proves it is @bob (from/pol, client certificate) to alice's")
            .isEqualTo("555-1234");
      }
      TrustedCa trust = new TrustedCa(home.resolve("pki/ca.pem"));
      try (WireClient raw = trust.connect(alice.get("host").asText(), alice.get("port").asInt())) {
        String challenge = raw.command("from:@alice").substring("data:".length());
        assertThat(raw.command("cram:" + AtCrypto.cramDigest(secret, challenge)))
            .isEqualTo("data:success");
        assertThat(raw.lastPrompt()).isEqualTo("@alice@");
      }
    } finally {
      atp.stops().stop();
      assertThat(up.finish().exitCode()).isZero();
    }
  }
}
