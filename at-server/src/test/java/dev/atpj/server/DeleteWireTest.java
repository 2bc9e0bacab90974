package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

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

/** {@code delete} (docs/protocol.md B6, B9). */
@ExtendWith(SharedTestPki.class)
class DeleteWireTest {
  @TempDir static Path data;
  private static AtServerFixture fixture;
  private static AtServer alice;

  @BeforeAll
  static void start(TestPki pki) {
    fixture = new AtServerFixture(pki, data);
    alice = fixture.start("@alice");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static long id(String reply) {
    assertThat(reply).matches("data:-?\\d+");
    return Long.parseLong(reply.substring(5));
  }

  @Test
  void deletesCommitEvenForMissingKeys() {
    try (WireClient client = Wire.owner(fixture, alice)) {
      long written = id(client.command("update:gone@alice v"));
      long deleted = id(client.command("delete:gone@alice"));
      assertThat(deleted).isGreaterThan(written);
      assertThat(client.command("llookup:gone@alice")).startsWith("error:AT0015-");
      long again = id(client.command("delete:gone@alice"));
      assertThat(again).isGreaterThan(deleted);
      assertThat(id(client.command("delete:never"))).isGreaterThan(again);
      var entry = alice.store().commitLog().entriesSince(again - 1, 1).get(0);
      assertThat(entry.op()).isEqualTo(CommitOp.DELETE);
      assertThat(entry.key()).isEqualTo("gone@alice");
      id(client.command("update:@bob:k@alice v"));
      assertThat(id(client.command("delete:@bob:k@alice"))).isPositive();
      id(client.command("update:public:_c@alice v"));
      assertThat(id(client.command("delete:public:_c@alice"))).isEqualTo(-1);
    }
  }

  @Test
  void protectedKeysAreRefused() {
    try (WireClient client = Wire.owner(fixture, alice)) {
      for (String key :
          new String[] {
            "privatekey:at_pkam_publickey",
            "public:signing_publickey@alice",
            "signing_publickey@alice",
            "signing_privatekey@alice",
            "@alice:signing_privatekey@alice",
            "public:publickey@alice",
          }) {
        assertThat(client.command("delete:" + key))
            .as(key)
            .startsWith(
                "error:AT0009-UnAuthorized client in request : Cannot delete protected key");
      }
      assertThat(client.command("lookup:public:signing_publickey@alice")).startsWith("data:MII");
      assertThat(client.command("delete:x@bob")).startsWith("error:AT0016-");
    }
  }

  @Test
  void cachedCopiesCanBeDeleted() {
    alice
        .store()
        .put("cached:@alice:note@bob", new StoredValue("hi", Metadata.EMPTY), CommitOp.UPDATE)
        .join();
    try (WireClient client = Wire.owner(fixture, alice)) {
      assertThat(client.command("llookup:cached:@alice:note@bob")).isEqualTo("data:hi");
      assertThat(id(client.command("delete:cached:@alice:note@bob"))).isPositive();
      assertThat(client.command("llookup:cached:@alice:note@bob")).startsWith("error:AT0015-");
    }
  }

  @Test
  void deleteNeedsAuthentication() {
    try (WireClient client = fixture.connect(alice)) {
      assertThat(client.command("delete:public:signing_publickey@alice"))
          .startsWith("error:AT0401-");
    }
  }
}
