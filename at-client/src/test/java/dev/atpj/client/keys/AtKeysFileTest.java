package dev.atpj.client.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.crypto.AtCrypto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtKeysFileTest {
  private static final AtCrypto CRYPTO = new AtCrypto();
  private static AtKeys keys;
  private final AtKeysFile file = new AtKeysFile(CRYPTO);

  @BeforeAll
  static void generate() {
    keys = AtKeys.generate(CRYPTO);
  }

  @Test
  void writesTheFiveOfficialFieldsPlusTheDartAtSignField() throws Exception {
    ObjectNode json =
        (ObjectNode) new ObjectMapper().readTree(file.toJson(AtSign.parse("@alice"), keys));
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly(
            "@alice",
            "aesEncryptPrivateKey",
            "aesEncryptPublicKey",
            "aesPkamPrivateKey",
            "aesPkamPublicKey",
            "selfEncryptionKey");
    assertThat(json.get("selfEncryptionKey").asText()).isEqualTo(keys.selfEncryptionKey());
    assertThat(
            CRYPTO.aesDecrypt(
                json.get("aesPkamPublicKey").asText(), keys.selfEncryptionKey(), null))
        .isEqualTo(keys.pkamPublicKey());
  }

  @Test
  void roundTripsThroughAFileReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
    Path path = dir.resolve(AtKeysFile.fileName(AtSign.parse("@alice")));
    file.write(path, AtSign.parse("@alice"), keys);
    assertThat(path.getFileName().toString()).isEqualTo("@alice_key.atKeys");
    assertThat(file.read(path)).isEqualTo(keys);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path)))
        .isEqualTo("rw-------");
  }

  @Test
  void dartStyleFilesWithExtraFieldsLoad() throws Exception {
    ObjectNode json =
        (ObjectNode) new ObjectMapper().readTree(file.toJson(AtSign.parse("@alice"), keys));
    json.put("apkamSymmetricKey", CRYPTO.newAesKey());
    json.put("enrollmentId", "0f1e2d3c-aaaa-bbbb-cccc-123456789abc");
    assertThat(file.fromJson(json.toString())).isEqualTo(keys);
  }

  @Test
  void aMissingFieldIsAClearError() throws Exception {
    ObjectNode json =
        (ObjectNode) new ObjectMapper().readTree(file.toJson(AtSign.parse("@alice"), keys));
    json.remove("aesPkamPrivateKey");
    assertThatThrownBy(() -> file.fromJson(json.toString()))
        .isInstanceOf(AtException.class)
        .hasMessageContaining("aesPkamPrivateKey");
  }
}
