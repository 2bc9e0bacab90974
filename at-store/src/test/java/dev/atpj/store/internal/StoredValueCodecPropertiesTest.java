package dev.atpj.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atpj.protocol.key.Metadata;
import dev.atpj.store.StoredValue;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Round-trip laws of the binary encodings. */
class StoredValueCodecPropertiesTest {

  @Property(tries = 500)
  void decodeOfEncodeIsIdentity(@ForAll("values") StoredValue v) {
    assertThat(StoredValueCodec.decode(StoredValueCodec.encode(v))).isEqualTo(v);
  }

  @Property(tries = 200)
  void orderedLongsSortLikeLongs(@ForAll long a, @ForAll long b) {
    int bytes = java.util.Arrays.compareUnsigned(OrderedBytes.ofLong(a), OrderedBytes.ofLong(b));
    assertThat(Integer.signum(bytes)).isEqualTo(Long.signum(Long.compare(a, b)));
    assertThat(OrderedBytes.readLong(OrderedBytes.ofLong(a))).isEqualTo(a);
  }

  @Property(tries = 200)
  void keyOrderIsUtf8ByteOrder(@ForAll("text") String a, @ForAll("text") String b) {
    int bytes = java.util.Arrays.compareUnsigned(OrderedBytes.utf8(a), OrderedBytes.utf8(b));
    assertThat(Integer.signum(KeyOrder.compare(a, b))).isEqualTo(Integer.signum(bytes));
  }

  @Example
  void unknownVersionIsRejected() {
    byte[] bytes = StoredValueCodec.encode(StoredValue.of("x"));
    bytes[0] = 99;
    assertThatThrownBy(() -> StoredValueCodec.decode(bytes))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Example
  void emptyValueIsTwoBytes() {
    assertThat(StoredValueCodec.encode(new StoredValue(null, Metadata.EMPTY))).hasSize(2);
  }

  /** Well-formed Unicode text: any code point but lone surrogates, as the wire delivers. */
  @Provide
  Arbitrary<String> text() {
    return Arbitraries.integers()
        .between(0, Character.MAX_CODE_POINT)
        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
        .list()
        .ofMaxSize(12)
        .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
  }

  private Arbitrary<String> optText() {
    return text().injectNull(0.3);
  }

  private static Arbitrary<Long> optLong() {
    return Arbitraries.longs().injectNull(0.3);
  }

  private static Arbitrary<Boolean> optBool() {
    return Arbitraries.of(true, false).injectNull(0.3);
  }

  private static Arbitrary<Instant> optInstant() {
    return Arbitraries.longs()
        .between(-62_135_596_800_000L, 253_402_300_799_999L)
        .map(Instant::ofEpochMilli)
        .injectNull(0.3);
  }

  @Provide
  Arbitrary<StoredValue> values() {
    Arbitrary<Metadata> metadata =
        Builders.withBuilder(Metadata::builder)
            .use(optLong())
            .in(Metadata.Builder::ttl)
            .use(optLong())
            .in(Metadata.Builder::ttb)
            .use(optLong())
            .in(Metadata.Builder::ttr)
            .use(optBool())
            .in(Metadata.Builder::ccd)
            .use(optText())
            .in(Metadata.Builder::dataSignature)
            .use(optText())
            .in(Metadata.Builder::sharedKeyStatus)
            .use(optBool())
            .in(Metadata.Builder::isBinary)
            .use(optBool())
            .in(Metadata.Builder::isEncrypted)
            .use(optText())
            .in(Metadata.Builder::sharedKeyEnc)
            .use(optText())
            .in(Metadata.Builder::pubKeyCS)
            .use(optText())
            .in(Metadata.Builder::encoding)
            .use(optText())
            .in(Metadata.Builder::encKeyName)
            .use(optText())
            .in(Metadata.Builder::encAlgo)
            .use(optText())
            .in(Metadata.Builder::ivNonce)
            .use(optText())
            .in(Metadata.Builder::skeEncKeyName)
            .use(optText())
            .in(Metadata.Builder::skeEncAlgo)
            .use(optText())
            .in(Metadata.Builder::pubKeyHash)
            .use(optText())
            .in(Metadata.Builder::hashingAlgo)
            .use(optBool())
            .in(Metadata.Builder::immutable)
            .use(optText())
            .in(Metadata.Builder::createdBy)
            .use(optText())
            .in(Metadata.Builder::updatedBy)
            .use(optInstant())
            .in(Metadata.Builder::createdAt)
            .use(optInstant())
            .in(Metadata.Builder::updatedAt)
            .use(optInstant())
            .in(Metadata.Builder::availableAt)
            .use(optInstant())
            .in(Metadata.Builder::expiresAt)
            .use(optInstant())
            .in(Metadata.Builder::refreshAt)
            .use(optText())
            .in(Metadata.Builder::status)
            .use(Arbitraries.integers().injectNull(0.3))
            .in(Metadata.Builder::version)
            .build(Metadata.Builder::build);
    return net.jqwik.api.Combinators.combine(optText(), metadata).as(StoredValue::new);
  }
}
