package dev.atpj.server.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.protocol.key.MetadataField;
import dev.atpj.protocol.key.MetadataOptions;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetadataRulesTest {
  private static final AtSign ALICE = AtSign.parse("@alice");
  private static final Instant T0 = Instant.parse("2024-03-01T09:05:07.042Z");
  private static final Instant T1 = T0.plusSeconds(60);

  private static MetadataOptions options(String... pairs) {
    MetadataOptions o = MetadataOptions.EMPTY;
    for (int i = 0; i < pairs.length; i += 2) {
      o = o.with(MetadataField.fromWireName(pairs[i]).orElseThrow(), pairs[i + 1]);
    }
    return o;
  }

  @Test
  void firstWriteSetsCreationAndVersionZero() {
    Metadata m = MetadataRules.forWrite(null, options()::applyTo, ALICE, T0);
    assertThat(m.createdAt()).isEqualTo(T0);
    assertThat(m.updatedAt()).isEqualTo(T0);
    assertThat(m.createdBy()).isEqualTo("@alice");
    assertThat(m.updatedBy()).isEqualTo("@alice");
    assertThat(m.version()).isZero();
    assertThat(m.status()).isEqualTo(MetadataRules.ACTIVE);
    assertThat(m.availableAt()).isNull();
    assertThat(m.expiresAt()).isNull();
    assertThat(m.refreshAt()).isNull();
  }

  @Test
  void laterWritesKeepCreationAndClientFieldsAndCountVersions() {
    Metadata first =
        MetadataRules.forWrite(
            null, options("ttl", "1000", "isBinary", "true")::applyTo, ALICE, T0);
    Metadata second = MetadataRules.forWrite(first, options("ttr", "-1")::applyTo, ALICE, T1);
    assertThat(second.createdAt()).isEqualTo(T0);
    assertThat(second.updatedAt()).isEqualTo(T1);
    assertThat(second.version()).isEqualTo(1);
    assertThat(second.isBinary()).isTrue();
    assertThat(second.ttl()).isEqualTo(1000);
    assertThat(second.expiresAt()).as("recomputed from this write").isEqualTo(T1.plusMillis(1000));
    assertThat(second.ttr()).isEqualTo(-1);
    assertThat(second.refreshAt()).isNull();
    Metadata third = MetadataRules.forWrite(second, options("ttl", "null")::applyTo, ALICE, T1);
    assertThat(third.ttl()).isNull();
    assertThat(third.expiresAt()).isNull();
    assertThat(third.version()).isEqualTo(2);
  }

  @Test
  void timesFollowTtbTtlAndTtr() {
    Metadata m =
        MetadataRules.forWrite(
            null, options("ttb", "2000", "ttl", "3000", "ttr", "500")::applyTo, ALICE, T0);
    assertThat(m.availableAt()).isEqualTo(T0.plusMillis(2000));
    assertThat(m.expiresAt()).isEqualTo(T0.plusMillis(5000));
    assertThat(m.refreshAt()).isEqualTo(T0.plusMillis(500));
    assertThat(m.isActiveAt(T0.plusMillis(1999))).isFalse();
    assertThat(m.isActiveAt(T0.plusMillis(2000))).isTrue();
    assertThat(m.isActiveAt(T0.plusMillis(5000))).isFalse();
    Metadata zero =
        MetadataRules.forWrite(null, options("ttl", "0", "ttr", "0")::applyTo, ALICE, T0);
    assertThat(zero.expiresAt()).isNull();
    assertThat(zero.refreshAt()).isNull();
  }

  @Test
  void datesBeyondYear9999AreRefused() {
    assertThatThrownBy(
            () ->
                MetadataRules.forWrite(
                    null, options("ttl", Long.toString(Long.MAX_VALUE))::applyTo, ALICE, T0))
        .isInstanceOfSatisfying(
            AtException.class, e -> assertThat(e.code()).isEqualTo(AtErrorCode.ILLEGAL_ARGUMENTS));
  }

  @Test
  void overlayTakesOnlyGivenClientFields() {
    Metadata base = Metadata.builder().ttl(5L).dataSignature("sig").version(3).build();
    Metadata given = Metadata.builder().isEncrypted(true).ivNonce("iv").version(9).build();
    Metadata m = MetadataRules.overlay(base, given);
    assertThat(m.ttl()).isEqualTo(5);
    assertThat(m.dataSignature()).isEqualTo("sig");
    assertThat(m.isEncrypted()).isTrue();
    assertThat(m.ivNonce()).isEqualTo("iv");
    assertThat(m.version()).as("server field not taken").isEqualTo(3);
    assertThat(MetadataRules.hasClientFields(given)).isTrue();
    assertThat(MetadataRules.hasClientFields(Metadata.builder().version(1).build())).isFalse();
  }
}
