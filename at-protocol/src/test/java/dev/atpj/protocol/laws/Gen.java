package dev.atpj.protocol.laws;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.KeyVisibility;
import dev.atpj.protocol.key.MetadataField;
import dev.atpj.protocol.key.MetadataOption;
import dev.atpj.protocol.key.MetadataOptions;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of canonical protocol values. */
final class Gen {
  private Gen() {}

  static Arbitrary<AtSign> atSigns() {
    Arbitrary<String> plain =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars("0123456789_-")
            .ofMinLength(1)
            .ofMaxLength(12);
    Arbitrary<String> fancy = Arbitraries.of("🛠tools", "colin", "日本", "ümlaut", "a🦄b");
    return Arbitraries.oneOf(plain, plain, plain, fancy).map(AtSign::parse);
  }

  static Arbitrary<String> entities() {
    Arbitrary<String> plain =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars("0123456789._-'*\"")
            .ofMinLength(1)
            .ofMaxLength(20);
    Arbitrary<String> fancy = Arbitraries.of("location.wavi", "日本.名前", "🛠.x", "shared_key.bob");
    return Arbitraries.oneOf(plain, plain, plain, fancy)
        .flatMap(e -> Arbitraries.of("", "_", "__").map(p -> p + e));
  }

  /** Any key; {@code ownerless} allows keys without an owner where the form permits. */
  static Arbitrary<AtKey> keys(boolean ownerless) {
    Arbitrary<AtSign> owner = ownerless ? atSigns().injectNull(0.2) : atSigns();
    return Combinators.combine(
            Arbitraries.of(KeyVisibility.values()),
            Arbitraries.of(true, false, false, false),
            atSigns(),
            entities(),
            owner)
        .as(Gen::key)
        .filter(k -> k != null);
  }

  private static AtKey key(
      KeyVisibility v, boolean cached, AtSign other, String entity, AtSign owner) {
    try {
      switch (v) {
        case PRIVATEKEY:
          return new AtKey(false, v, null, entity, null);
        case SHARED:
          if (other.equals(owner)) {
            return null;
          }
          return cached && owner == null ? null : new AtKey(cached, v, other, entity, owner);
        case PUBLIC:
          return cached && owner == null ? null : new AtKey(cached, v, null, entity, owner);
        case PRIVATE:
          return new AtKey(false, v, cached ? other : null, entity, owner);
        default:
          return new AtKey(false, v, null, entity, owner);
      }
    } catch (RuntimeException tooLong) {
      return null;
    }
  }

  static Arbitrary<MetadataOptions> metadataOptions() {
    return Arbitraries.subsetOf(MetadataField.values())
        .flatMap(fields -> Arbitraries.shuffle(List.copyOf(fields)))
        .flatMap(
            fields -> {
              List<Arbitrary<MetadataOption>> options = fields.stream().map(Gen::option).toList();
              return Combinators.combine(options).as(MetadataOptions::new);
            });
  }

  private static Arbitrary<MetadataOption> option(MetadataField field) {
    Arbitrary<String> value;
    switch (field) {
      case TTL:
      case TTB:
        value = Arbitraries.longs().between(0, Long.MAX_VALUE).map(String::valueOf);
        break;
      case TTR:
        value = Arbitraries.longs().between(-1, 1_000_000_000L).map(String::valueOf);
        break;
      case CCD:
      case IS_BINARY:
      case IS_ENCRYPTED:
      case IMMUTABLE:
        value = Arbitraries.of("true", "false");
        break;
      case CREATED_AT:
      case UPDATED_AT:
      case EXPIRES_AT:
      case AVAILABLE_AT:
        value =
            Combinators.combine(
                    Arbitraries.longs().between(0, 253_402_300_799L),
                    Arbitraries.of("", ".5", ".123", ".999000", ".123456789"))
                .as(
                    (seconds, fraction) ->
                        java.time.Instant.ofEpochSecond(seconds).toString().replace("Z", "")
                            + fraction
                            + "Z");
        break;
      case APP_METADATA:
        value =
            Combinators.combine(Gen.words(), Gen.words(), Arbitraries.of(true, false))
                .as(
                    (k, v, urlSafe) -> {
                      byte[] json =
                          ("{\"" + k + "\":\"" + v + "\"}")
                              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                      return urlSafe
                          ? java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(json)
                          : java.util.Base64.getEncoder().encodeToString(json);
                    });
        break;
      default:
        value =
            Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars("+/=_-.")
                .ofMinLength(1)
                .ofMaxLength(30);
    }
    return Arbitraries.oneOf(value, value, value, Arbitraries.just("null"))
        .map(v -> new MetadataOption(field, v));
  }

  /** Values: anything on one line without surrounding whitespace. */
  static Arbitrary<String> values() {
    Arbitrary<String> any =
        Arbitraries.strings()
            .withCharRange(' ', '~')
            .withChars("éü日本\u00a0")
            .ofMinLength(1)
            .ofMaxLength(40);
    Arbitrary<String> emoji = Arbitraries.of("", "🛠", "a🦄b");
    return Combinators.combine(any, emoji)
        .as((text, e) -> (text + e).strip())
        .filter(s -> !s.isEmpty());
  }

  /** Regexes without whitespace or digits (so they never look like dates or numbers). */
  static Arbitrary<String> regexes() {
    return Arbitraries.strings()
        .withChars(".*^$[]()|\\+?abcxyz@:_-")
        .ofMinLength(1)
        .ofMaxLength(15);
  }

  static Arbitrary<String> words() {
    return Arbitraries.strings().alpha().numeric().withChars("_-").ofMinLength(1).ofMaxLength(16);
  }
}
