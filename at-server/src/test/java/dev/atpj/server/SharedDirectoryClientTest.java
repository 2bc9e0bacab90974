package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.server.core.DirectoryClient;
import dev.atpj.testing.Await;
import dev.atpj.testing.TestPki;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The atServers of one environment share one atDirectory client (one cache, one kept connection);
 * one of them stopping leaves the others' lookups working; another environment shares nothing.
 */
@ExtendWith(SharedTestPki.class)
class SharedDirectoryClientTest {
  @TempDir Path data;

  private static DirectoryClient directoryOf(AtServer server) {
    return server.peers().directoryClient();
  }

  private static HostPort locate(AtServer server, String atSign) throws Exception {
    return server.peers().locate(AtSign.parse(atSign)).get(10, TimeUnit.SECONDS);
  }

  @Test
  void atServersOfOneEnvironmentShareOneClientAndOneKeptConnection(TestPki pki) throws Exception {
    try (MultiServerFixture fixture = new MultiServerFixture(pki, data)) {
      AtServer alice = fixture.start("@alice");
      AtServer bob = fixture.start("@bob");
      AtServer carol = fixture.start("@carol");
      assertThat(directoryOf(bob)).isSameAs(directoryOf(alice)).isSameAs(directoryOf(carol));
      assertThat(fixture.environment().directories().size()).isEqualTo(1);
      // each server opened the connection ahead; the shared client keeps only one
      Await.until(() -> fixture.directoryConnections() == 1, "one kept directory connection");
      assertThat(directoryOf(alice).keepsConnection()).isTrue();

      assertThat(locate(alice, "@bob").port()).isEqualTo(bob.port());
      assertThat(directoryOf(carol).isCached(AtSign.parse("@bob"))).isTrue(); // one cache

      fixture.stop("@alice");
      assertThat(locate(bob, "@carol").port()).isEqualTo(carol.port());
      assertThat(locate(carol, "@bob").port()).isEqualTo(bob.port());
      assertThat(directoryOf(bob).keepsConnection()).isTrue();
      assertThat(fixture.environment().directories().size()).isEqualTo(1);

      fixture.stop("@bob");
      fixture.stop("@carol");
      assertThat(fixture.environment().directories().size()).isZero();
      Await.until(() -> fixture.directoryConnections() == 0, "the last server closed it");
    }
  }

  @Test
  void twoEnvironmentsDoNotShare(TestPki pki) throws Exception {
    try (MultiServerFixture fixture = new MultiServerFixture(pki, data)) {
      AtServerEnvironment other = fixture.otherEnvironment();
      AtServer alice = fixture.start("@alice");
      AtServer bob = fixture.startIn(other, "@bob");
      assertThat(directoryOf(bob)).isNotSameAs(directoryOf(alice));
      assertThat(other.directories().size()).isEqualTo(1);
      Await.until(() -> fixture.directoryConnections() == 2, "one kept connection each");

      fixture.stop("@alice");
      assertThat(locate(bob, "@alice").port()).isEqualTo(alice.port());
      assertThat(fixture.environment().directories().size()).isZero();
      assertThat(other.directories().size()).isEqualTo(1);
    }
  }
}
