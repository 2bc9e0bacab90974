package dev.atpj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atpj.client.connection.AtConnection;
import dev.atpj.client.connection.AtConnector;
import dev.atpj.client.connection.ClientOptions;
import dev.atpj.client.keys.AtKeys;
import dev.atpj.client.keys.AtKeysFile;
import dev.atpj.client.onboarding.Onboarding;
import dev.atpj.directory.DirectoryConfig;
import dev.atpj.directory.DirectoryServer;
import dev.atpj.directory.InMemoryDirectoryRegistry;
import dev.atpj.pki.ServerCredentials;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.server.AtServer;
import dev.atpj.server.AtServerConfig;
import dev.atpj.server.AtServerEnvironment;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.ServerTlsContext;
import dev.atpj.server.core.TlsFiles;
import dev.atpj.store.rocksdb.StoreEnvironment;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.TestPkiExtension;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK against the project's real atDirectory and atServers over TLS: CRAM, onboarding (both
 * secret policies), PKAM, commands and errors.
 */
@ExtendWith(TestPkiExtension.class)
class AtServerWireTest {
  private static final String HOST = "127.0.0.1";
  private static final AtCrypto CRYPTO = new AtCrypto();
  private static final AtSign ALICE = AtSign.parse("@alice");
  private static final AtSign BOB = AtSign.parse("@bob");

  @TempDir static Path data;
  private static EventLoops loops;
  private static StoreEnvironment stores;
  private static AtServer alice;
  private static AtServer bob;
  private static DirectoryServer directory;
  private static AtConnector connector;

  @BeforeAll
  static void start(TestPki pki) {
    loops = EventLoops.create(2);
    stores = new StoreEnvironment();
    ServerCredentials credentials = pki.serverCredentials(HOST);
    TlsFiles tls =
        new TlsFiles(credentials.certFile(), credentials.keyFile(), credentials.caFile());
    AtServerEnvironment environment = new AtServerEnvironment(loops, stores, Clock.systemUTC());
    alice = AtServer.start(environment, config(ALICE, tls));
    bob = AtServer.start(environment, config(BOB, tls));
    InMemoryDirectoryRegistry registry = new InMemoryDirectoryRegistry();
    registry.put(ALICE, new HostPort(HOST, alice.port()));
    registry.put(BOB, new HostPort(HOST, bob.port()));
    directory =
        DirectoryServer.start(
            loops, DirectoryConfig.defaults(HOST, 0), ServerTlsContext.load(tls, false), registry);
    connector =
        AtConnector.using(
            loops,
            new HostPort(HOST, directory.port()),
            ClientOptions.defaults().withTrustedCa(pki.caCertFile()));
  }

  private static AtServerConfig config(AtSign atSign, TlsFiles tls) {
    return AtServerConfig.builder(atSign, StoreEnvironment.folderFor(data, atSign.toString()), tls)
        .bindHost(HOST)
        .port(0)
        .cramSecret(secretOf(atSign))
        .build();
  }

  private static String secretOf(AtSign atSign) {
    return "secret-of-" + atSign.name();
  }

  @AfterAll
  static void stop() {
    connector.close();
    directory.close();
    alice.close();
    bob.close();
    stores.close();
    loops.close();
  }

  @Test
  void onboardingDeletesTheSecretAndPkamTakesOver(@TempDir Path dir) {
    Path file = dir.resolve(AtKeysFile.fileName(ALICE));
    AtKeys keys;
    try (AtConnection connection = connector.connect(ALICE)) {
      keys =
          new Onboarding(CRYPTO)
              .onboard(connection, ALICE, secretOf(ALICE), file, Onboarding.CramSecret.DELETE);
    }
    assertThat(new AtKeysFile(CRYPTO).read(file)).isEqualTo(keys);
    try (AtConnection pkam = connector.connectWithPkam(ALICE, keys)) {
      assertThat(pkam.execute("llookup:public:publickey@alice"))
          .isEqualTo(keys.encryptionPublicKey());
      assertThat(pkam.execute("update:public:location@alice NYC")).matches("\\d+");
      assertThatThrownBy(() -> pkam.execute("llookup:nothing@alice"))
          .isInstanceOf(AtException.class)
          .extracting(e -> ((AtException) e).code())
          .isEqualTo(AtErrorCode.KEY_NOT_FOUND);
    }
    try (AtConnection anyone = connector.connect(ALICE)) {
      assertThat(anyone.execute("lookup:location@alice")).isEqualTo("NYC");
    }
    assertThatThrownBy(() -> connector.connectWithCram(ALICE, secretOf(ALICE)))
        .isInstanceOf(AtException.class)
        .extracting(e -> ((AtException) e).code())
        .isEqualTo(AtErrorCode.UNAUTHENTICATED);
  }

  @Test
  void keepingTheSecretLeavesBothWaysIn(@TempDir Path dir) {
    AtKeys keys;
    try (AtConnection connection = connector.connect(BOB)) {
      keys =
          new Onboarding(CRYPTO)
              .onboard(
                  connection,
                  BOB,
                  secretOf(BOB),
                  dir.resolve("bob.atKeys"),
                  Onboarding.CramSecret.KEEP);
    }
    try (AtConnection cram = connector.connectWithCram(BOB, secretOf(BOB))) {
      assertThat(cram.authenticatedAs()).contains(BOB);
      assertThat(cram.execute("scan")).contains("public:publickey@bob");
    }
    try (AtConnection pkam = connector.connectWithPkam(BOB, keys)) {
      assertThat(pkam.authenticatedAs()).contains(BOB);
    }
  }

  @Test
  void aWrongKeyIsRefusedAndTheConnectionStaysUsable() {
    AtKeys stranger = AtKeys.generate(CRYPTO);
    try (AtConnection connection = connector.connect(BOB)) {
      assertThatThrownBy(() -> connection.authenticateWithPkam(BOB, stranger))
          .isInstanceOf(AtException.class)
          .extracting(e -> ((AtException) e).code())
          .isEqualTo(AtErrorCode.UNAUTHENTICATED);
      assertThat(connection.authenticatedAs()).isEmpty();
      assertThat(connection.execute("noop:0")).isEqualTo("ok");
    }
  }
}
