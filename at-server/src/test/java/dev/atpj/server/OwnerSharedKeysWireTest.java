package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.server.data.ReservedKeys;
import dev.atpj.store.AtStore;
import dev.atpj.store.CommitOp;
import dev.atpj.store.StoredValue;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.WireClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @me:k@me} and {@code k@me} are two keys, kept as written in every verb, scan and sync; the
 * signing private key is {@code @me:signing_privatekey@me}, and a store that held it as {@code
 * signing_privatekey@me} is migrated at start (docs/protocol.md B6).
 */
@ExtendWith(SharedTestPki.class)
class OwnerSharedKeysWireTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;

  @Test
  void aKeySharedWithItsOwnerIsDistinctFromTheSelfKey(TestPki pki) throws Exception {
    try (MultiServerFixture fixture = new MultiServerFixture(pki, data)) {
      AtServer ann = fixture.start("@ann");
      try (WireClient owner = fixture.owner(ann)) {
        assertThat(owner.command("update:@ann:x.osk@ann shared-with-me")).matches("data:\\d+");
        assertThat(owner.command("update:x.osk@ann self")).matches("data:\\d+");
        assertThat(owner.command("llookup:@ann:x.osk@ann")).isEqualTo("data:shared-with-me");
        assertThat(owner.command("llookup:x.osk@ann")).isEqualTo("data:self");
        assertThat(owner.command("lookup:@ann:x.osk@ann")).isEqualTo("data:shared-with-me");
        assertThat(owner.command("scan \\.osk@"))
            .isEqualTo("data:[\"@ann:x.osk@ann\",\"x.osk@ann\"]");
        assertThat(owner.command("scan"))
            .contains("\"@ann:signing_privatekey@ann\"")
            .doesNotContain("\"signing_privatekey@ann\"");
        assertThat(syncedKeys(owner, "\\.osk@")).containsExactly("@ann:x.osk@ann", "x.osk@ann");

        assertThat(owner.command("delete:@ann:x.osk@ann")).matches("data:\\d+");
        assertThat(owner.command("llookup:x.osk@ann")).isEqualTo("data:self");
        assertThat(owner.command("llookup:@ann:x.osk@ann")).startsWith("error:AT0015-");
        assertThat(owner.command("llookup:@ann:signing_privatekey@ann")).startsWith("data:MII");
      }
    }
  }

  @Test
  void theOwnersLookupOfAPlainKeyReadsTheKeySharedWithTheOwner(TestPki pki) throws Exception {
    try (MultiServerFixture fixture = new MultiServerFixture(pki, data)) {
      AtServer ann = fixture.start("@ann");
      try (WireClient owner = fixture.owner(ann)) {
        assertThat(owner.command("update:only-self.osk@ann self")).matches("data:\\d+");
        assertThat(owner.command("lookup:only-self.osk@ann")).startsWith("error:AT0015-");

        assertThat(owner.command("update:@ann:both.osk@ann shared-with-me")).matches("data:\\d+");
        assertThat(owner.command("update:both.osk@ann self")).matches("data:\\d+");
        assertThat(owner.command("lookup:both.osk@ann")).isEqualTo("data:shared-with-me");
        assertThat(owner.command("lookup:all:both.osk@ann"))
            .contains("\"data\":\"shared-with-me\"");
        assertThat(owner.command("lookup:public:both.osk@ann")).startsWith("error:AT0015-");
        assertThat(owner.command("lookup:signing_privatekey@ann")).startsWith("data:MII");
      }
    }
  }

  @Test
  void aStoreHoldingTheSigningKeyUnderTheSelfNameIsMigratedOnceAtStart(TestPki pki)
      throws Exception {
    try (MultiServerFixture fixture = new MultiServerFixture(pki, data)) {
      AtServer ann = fixture.start("@ann");
      String signingKey = fixture.signingKeyOf(ann).toString();
      String reference = ReservedKeys.signingPrivateKey(ann.atSign()).toString();
      String legacy = ReservedKeys.legacySigningPrivateKey(ann.atSign()).toString();
      assertThat(reference).isEqualTo("@ann:signing_privatekey@ann");
      assertThat(legacy).isEqualTo("signing_privatekey@ann");
      fixture.stop("@ann");
      String value;
      try (AtStore store = fixture.openStore("@ann")) {
        value = store.get(reference).orElseThrow().value();
        store.delete(reference, false).join();
        store
            .put(
                legacy,
                new StoredValue(
                    value,
                    store
                        .get(ReservedKeys.signingPublicKey(ann.atSign()).toString())
                        .orElseThrow()
                        .metadata()),
                CommitOp.UPDATE)
            .join();
        store.put("@ann:y.osk@ann", StoredValue.of("v"), CommitOp.UPDATE).join();
      }

      AtServer migrated = fixture.resume("@ann");
      assertThat(fixture.signingKeyOf(migrated).toString()).isEqualTo(signingKey);
      try (WireClient owner = fixture.owner(migrated)) {
        assertThat(owner.command("llookup:" + reference)).isEqualTo("data:" + value);
        assertThat(owner.command("llookup:" + legacy)).startsWith("error:AT0015-");
        assertThat(owner.command("llookup:@ann:y.osk@ann")).isEqualTo("data:v");
        JsonNode page = JSON.readTree(owner.command("sync:from:-1:limit:100").substring(5));
        List<String> ops = new ArrayList<>();
        for (JsonNode e : page) {
          ops.add(e.get("operation").asText() + e.get("atKey").asText());
        }
        assertThat(ops).contains("-" + legacy).anyMatch(op -> op.endsWith(reference));
        assertThat(ops).doesNotContain("+" + legacy, "*" + legacy);
      }
      fixture.stop("@ann");
      long last;
      try (AtStore store = fixture.openStore("@ann")) {
        last = store.commitLog().lastCommitId();
        assertThat(store.get(legacy)).isEmpty();
      }
      AtServer again = fixture.resume("@ann");
      assertThat(again.store().commitLog().lastCommitId())
          .as("nothing to migrate a second time")
          .isEqualTo(last);
    }
  }

  private static List<String> syncedKeys(WireClient owner, String regex) throws Exception {
    JsonNode page = JSON.readTree(owner.command("sync:from:-1:limit:100:" + regex).substring(5));
    List<String> keys = new ArrayList<>();
    for (JsonNode e : page) {
      keys.add(e.get("atKey").asText());
    }
    keys.sort(String::compareTo);
    return keys;
  }
}
