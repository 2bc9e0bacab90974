package dev.atpj.protocol.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetadataJsonTest {
  private static final Instant T = Instant.parse("2024-03-01T09:05:07.042123Z");

  private static Metadata full() {
    return Metadata.builder()
        .createdBy("@alice")
        .updatedBy("@alice")
        .createdAt(T)
        .updatedAt(T)
        .expiresAt(T.plusSeconds(60))
        .availableAt(T)
        .refreshAt(T)
        .status("active")
        .version(2)
        .ttl(60000L)
        .ttb(0L)
        .ttr(-1L)
        .ccd(true)
        .isBinary(false)
        .isEncrypted(true)
        .dataSignature("sig")
        .sharedKeyStatus("ok")
        .sharedKeyEnc("ske")
        .pubKeyCS("cs")
        .pubKeyHash("ab12")
        .hashingAlgo("sha512")
        .encoding("base64")
        .encKeyName("k")
        .encAlgo("AES/SIC/PKCS7Padding")
        .ivNonce("iv")
        .skeEncKeyName("sk")
        .skeEncAlgo("RSA")
        .immutable(true)
        .build();
  }

  @Test
  void rendersEveryFieldInOrderWithExactTypes() {
    assertThat(MetadataJson.render(full()))
        .isEqualTo(
            "{\"createdBy\":\"@alice\",\"updatedBy\":\"@alice\","
                + "\"createdAt\":\"2024-03-01 09:05:07.042Z\",\"updatedAt\":\"2024-03-01 09:05:07.042Z\","
                + "\"expiresAt\":\"2024-03-01 09:06:07.042Z\",\"availableAt\":\"2024-03-01 09:05:07.042Z\","
                + "\"refreshAt\":\"2024-03-01 09:05:07.042Z\",\"status\":\"active\",\"version\":2,"
                + "\"ttl\":60000,\"ttb\":0,\"ttr\":-1,\"ccd\":true,\"isBinary\":false,"
                + "\"isEncrypted\":true,\"dataSignature\":\"sig\",\"sharedKeyStatus\":\"ok\","
                + "\"sharedKeyEnc\":\"ske\",\"pubKeyCS\":\"cs\","
                + "\"pubKeyHash\":{\"hash\":\"ab12\",\"hashingAlgo\":\"sha512\"},"
                + "\"encoding\":\"base64\","
                + "\"encKeyName\":\"k\",\"encAlgo\":\"AES/SIC/PKCS7Padding\",\"ivNonce\":\"iv\","
                + "\"skeEncKeyName\":\"sk\",\"skeEncAlgo\":\"RSA\",\"immutable\":true}");
  }

  @Test
  void readsCcdUnderEitherNameAndPubKeyHashAsObjectOrText() {
    assertThat(MetadataJson.parse("{\"ccd\":true}").ccd()).isTrue();
    assertThat(MetadataJson.parse("{\"isCascade\":\"false\"}").ccd()).isFalse();
    Metadata fromText =
        MetadataJson.parse(
            "{\"pubKeyHash\":\"{\\\"hash\\\":\\\"ab\\\",\\\"hashingAlgo\\\":\\\"sha256\\\"}\"}");
    assertThat(fromText.pubKeyHash()).isEqualTo("ab");
    assertThat(fromText.hashingAlgo()).isEqualTo("sha256");
  }

  @Test
  void omitsUnsetFields() {
    Metadata m = Metadata.builder().ttl(3000L).ttb(2000L).createdAt(Instant.EPOCH).build();
    assertThat(MetadataJson.render(m))
        .isEqualTo("{\"createdAt\":\"1970-01-01 00:00:00.000Z\",\"ttl\":3000,\"ttb\":2000}");
    assertThat(MetadataJson.render(Metadata.EMPTY)).isEqualTo("{}");
    assertThat(MetadataJson.render(null)).isEqualTo("{}");
    assertThat(MetadataJson.render(m)).doesNotContain("null");
  }

  @Test
  void parsesWhatItRenders() {
    Metadata m = full();
    Metadata back = MetadataJson.parse(MetadataJson.render(m));
    assertThat(back)
        .isEqualTo(
            m.toBuilder()
                .createdAt(millis(T))
                .updatedAt(millis(T))
                .availableAt(millis(T))
                .refreshAt(millis(T))
                .expiresAt(millis(T.plusSeconds(60)))
                .build());
  }

  @Test
  void parsesLeniently() {
    Metadata m =
        MetadataJson.parse(
            "{\"ttl\":\"100\",\"ccd\":\"true\",\"isBinary\":\"false\",\"version\":\"4\","
                + "\"createdAt\":\"2021-07-15 00:00:00.767668Z\","
                + "\"updatedAt\":\"2021-07-15T00:00:01Z\",\"expiresAt\":1700000000000,"
                + "\"unknownField\":{\"a\":1},\"isPublic\":true,\"ivNonce\":null,\"status\":\"\"}");
    assertThat(m.ttl()).isEqualTo(100L);
    assertThat(m.ccd()).isTrue();
    assertThat(m.isBinary()).isFalse();
    assertThat(m.version()).isEqualTo(4);
    assertThat(m.createdAt()).isEqualTo(Instant.parse("2021-07-15T00:00:00.767668Z"));
    assertThat(m.updatedAt()).isEqualTo(Instant.parse("2021-07-15T00:00:01Z"));
    assertThat(m.expiresAt()).isEqualTo(Instant.ofEpochMilli(1700000000000L));
    assertThat(m.ivNonce()).isNull();
    assertThat(m.status()).isEmpty();
  }

  @Test
  void rejectsWhatIsNotMetadata() {
    for (String bad :
        new String[] {
          "[]",
          "nope",
          "{\"ttl\":\"x\"}",
          "{\"isBinary\":3}",
          "{\"createdAt\":\"y\"}",
          "{\"version\":99999999999}",
          "{} {}",
          ""
        }) {
      assertThatThrownBy(() -> MetadataJson.parse(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              AtException.class, e -> assertThat(e.code()).isEqualTo(AtErrorCode.INVALID_SYNTAX));
    }
  }

  @Test
  void atDataShape() {
    Metadata m = Metadata.builder().ttr(-1L).build();
    assertThat(new AtData("cached:public:x@bob", "v", m).render())
        .isEqualTo("{\"key\":\"cached:public:x@bob\",\"data\":\"v\",\"metaData\":{\"ttr\":-1}}");
    assertThat(new AtData(null, "v \"q\"", Metadata.EMPTY).render())
        .isEqualTo("{\"data\":\"v \\\"q\\\"\",\"metaData\":{}}");
    assertThat(AtData.parse("{\"key\":\"k@a\",\"data\":\"v\",\"metaData\":{\"ttl\":5},\"x\":1}"))
        .isEqualTo(new AtData("k@a", "v", Metadata.builder().ttl(5L).build()));
    assertThat(AtData.parse("{\"data\":\"v\",\"metadata\":{\"ttb\":5}}"))
        .isEqualTo(new AtData(null, "v", Metadata.builder().ttb(5L).build()));
    assertThat(AtData.parse("{\"data\":null}")).isEqualTo(new AtData(null, null, null));
  }

  private static Instant millis(Instant t) {
    return Instant.ofEpochMilli(t.toEpochMilli());
  }
}
