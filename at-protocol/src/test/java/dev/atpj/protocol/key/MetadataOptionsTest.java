package dev.atpj.protocol.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetadataOptionsTest {

  @Test
  void keepsTheOrderGivenAndRendersIt() {
    MetadataOptions javaOrder =
        MetadataOptions.EMPTY
            .with(MetadataField.TTR, "86400000")
            .with(MetadataField.CCD, "true")
            .with(MetadataField.SHARED_KEY_ENC, "abc")
            .with(MetadataField.IS_BINARY, "false")
            .with(MetadataField.IS_ENCRYPTED, "true");
    assertThat(javaOrder.render())
        .isEqualTo(":ttr:86400000:ccd:true:sharedKeyEnc:abc:isBinary:false:isEncrypted:true");
    MetadataOptions dartOrder =
        MetadataOptions.EMPTY
            .with(MetadataField.IS_ENCRYPTED, "true")
            .with(MetadataField.SHARED_KEY_ENC, "abc")
            .with(MetadataField.TTR, "86400000")
            .with(MetadataField.IS_BINARY, "false")
            .with(MetadataField.CCD, "true");
    assertThat(dartOrder.toMetadata()).isEqualTo(javaOrder.toMetadata());
  }

  @Test
  void applyToReplacesClearsAndRetains() {
    Metadata existing =
        Metadata.builder()
            .ttl(1000L)
            .ttr(5L)
            .isEncrypted(true)
            .ivNonce("iv")
            .createdAt(Instant.EPOCH)
            .version(3)
            .build();
    MetadataOptions options =
        new MetadataOptions(
            List.of(
                new MetadataOption(MetadataField.TTL, "2000"),
                new MetadataOption(MetadataField.IV_NONCE, "null"),
                new MetadataOption(MetadataField.TTR, "null"),
                new MetadataOption(MetadataField.ENC_ALGO, "aes256")));
    Metadata result = options.applyTo(existing);
    assertThat(result)
        .isEqualTo(
            Metadata.builder()
                .ttl(2000L)
                .isEncrypted(true)
                .encAlgo("aes256")
                .createdAt(Instant.EPOCH)
                .version(3)
                .build());
    assertThat(options.get(MetadataField.IV_NONCE)).get().matches(MetadataOption::clears);
    assertThat(options.contains(MetadataField.CCD)).isFalse();
    assertThat(options.applyTo(null)).isEqualTo(options.toMetadata());
  }

  @Test
  void typedValues() {
    Metadata m =
        MetadataOptions.EMPTY
            .with(MetadataField.TTL, "0")
            .with(MetadataField.TTB, "10")
            .with(MetadataField.TTR, "-1")
            .with(MetadataField.CCD, "TRUE")
            .with(MetadataField.DATA_SIGNATURE, "c2ln+/=")
            .with(MetadataField.SHARED_KEY_STATUS, "s")
            .with(MetadataField.PUB_KEY_CS, "cs")
            .with(MetadataField.ENCODING, "base64")
            .with(MetadataField.ENC_KEY_NAME, "k")
            .with(MetadataField.SKE_ENC_KEY_NAME, "sk")
            .with(MetadataField.SKE_ENC_ALGO, "rsa")
            .toMetadata();
    assertThat(m.ttl()).isZero();
    assertThat(m.ttb()).isEqualTo(10L);
    assertThat(m.ttr()).isEqualTo(-1L);
    assertThat(m.ccd()).isTrue();
    assertThat(m.dataSignature()).isEqualTo("c2ln+/=");
    assertThat(m.sharedKeyStatus()).isEqualTo("s");
    assertThat(m.pubKeyCS()).isEqualTo("cs");
    assertThat(m.encoding()).isEqualTo("base64");
    assertThat(m.encKeyName()).isEqualTo("k");
    assertThat(m.skeEncKeyName()).isEqualTo("sk");
    assertThat(m.skeEncAlgo()).isEqualTo("rsa");
  }

  @ParameterizedTest
  @CsvSource({
    "ttl, abc, AT0003",
    "ttl, 1.5, AT0003",
    "ttl, '', AT0003",
    "ttl, -1, AT0022",
    "ttb, -5, AT0022",
    "ttr, -2, AT0022",
    "ttl, 99999999999999999999, AT0022",
    "ccd, yes, AT0003",
    "isBinary, 1, AT0003",
    "dataSignature, a@b, AT0003",
    "encoding, 'a b', AT0003"
  })
  void invalidValues(String name, String value, String code) {
    MetadataField field = MetadataField.fromWireName(name).orElseThrow();
    assertThatThrownBy(() -> new MetadataOption(field, value))
        .isInstanceOfSatisfying(
            AtException.class,
            e -> {
              assertThat(e.code().code()).isEqualTo(code);
              assertThat(e.detail()).contains(field.wireName());
            });
  }

  @Test
  void aFieldMayAppearOnlyOnce() {
    assertThatThrownBy(
            () -> MetadataOptions.EMPTY.with(MetadataField.TTL, "1").with(MetadataField.TTL, "2"))
        .isInstanceOfSatisfying(
            AtException.class, e -> assertThat(e.code()).isEqualTo(AtErrorCode.INVALID_SYNTAX));
  }

  @Test
  void fieldNamesAreCaseInsensitive() {
    assertThat(MetadataField.fromWireName("isencrypted")).contains(MetadataField.IS_ENCRYPTED);
    assertThat(MetadataField.fromWireName("PUBKEYCS")).contains(MetadataField.PUB_KEY_CS);
    assertThat(MetadataField.fromWireName("public")).isEmpty();
    assertThat(MetadataField.fromWireName(null)).isEmpty();
  }
}
