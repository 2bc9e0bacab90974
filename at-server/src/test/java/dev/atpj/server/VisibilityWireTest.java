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

/**
 * Nothing is shown to a connection that may not see it: an unauthenticated connection never gets a
 * self, shared, private, hidden or cached value or key name through any verb, and error replies
 * never echo values or secrets.
 */
@ExtendWith(SharedTestPki.class)
class VisibilityWireTest {
  private static final String SECRET_VALUE = "TOPSECRET";

  @TempDir static Path data;
  private static AtServerFixture fixture;
  private static AtServer alice;

  @BeforeAll
  static void start(TestPki pki) {
    fixture = new AtServerFixture(pki, data);
    alice = fixture.start("@alice");
    try (WireClient owner = Wire.owner(fixture, alice)) {
      for (String key :
          new String[] {
            "self@alice", "@bob:shared@alice", "_hidden@alice", "public:_cookie@alice"
          }) {
        assertThat(owner.command("update:" + key + " " + SECRET_VALUE)).startsWith("data:");
      }
      assertThat(owner.command("update:public:open@alice visible")).startsWith("data:");
    }
    alice
        .store()
        .put("cached:public:x@bob", new StoredValue(SECRET_VALUE, Metadata.EMPTY), CommitOp.UPDATE)
        .join();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void unauthenticatedConnectionsSeeOnlyPublicData() {
    try (WireClient client = fixture.connect(alice)) {
      String[] commands = {
        "lookup:self@alice",
        "lookup:all:self@alice",
        "lookup:@bob:shared@alice",
        "lookup:shared@alice",
        "lookup:_hidden@alice",
        "lookup:cached:public:x@bob",
        "lookup:x@bob",
        "llookup:self@alice",
        "llookup:cached:public:x@bob",
        "update:self@alice overwrite",
        "update:meta:self@alice:ttl:1",
        "delete:self@alice",
        "plookup:x@bob",
      };
      for (String command : commands) {
        String reply = client.command(command);
        assertThat(reply).as(command).doesNotContain(SECRET_VALUE);
        String absent = client.command(command.replace("@alice", "nothing@alice"));
        assertThat(reply.replace("@alice", "nothing@alice"))
            .as(command + ": answered exactly as for a key that does not exist")
            .isEqualTo(absent);
      }
      for (String scan : new String[] {"scan", "scan:showhidden:true", "scan .*", "scan:@alice"}) {
        assertThat(client.command(scan))
            .as(scan)
            .isEqualTo("data:[\"open@alice\",\"signing_publickey@alice\"]");
      }
      assertThat(client.command("lookup:_cookie@alice")).isEqualTo("data:" + SECRET_VALUE);
    }
  }

  @Test
  void errorsNeverEchoValuesOrSecrets() {
    try (WireClient client = Wire.owner(fixture, alice)) {
      String[] commands = {
        "update:x@bob " + SECRET_VALUE,
        "update:cached:public:x@bob " + SECRET_VALUE,
        "update:bad,key@alice " + SECRET_VALUE,
        "update:ttl:x:k@alice " + SECRET_VALUE,
        "update:public:signing_publickey@alice " + SECRET_VALUE,
        "cram:" + SECRET_VALUE,
        "pkam:" + SECRET_VALUE,
        "llookup:privatekey:at_secret",
      };
      for (String command : commands) {
        String reply = client.command(command);
        assertThat(reply).as(command).startsWith("error:");
        assertThat(reply).as(command).doesNotContain(SECRET_VALUE);
        assertThat(reply).as(command).doesNotContain(AtServerFixture.secretOf("@alice"));
      }
    }
  }
}
