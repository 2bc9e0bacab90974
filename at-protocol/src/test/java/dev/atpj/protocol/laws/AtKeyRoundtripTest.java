package dev.atpj.protocol.laws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.key.AtKey;
import java.util.Locale;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The round-trip law for keys, plus parse(toString(k)) == k. */
class AtKeyRoundtripTest implements RoundtripLaw<AtKey> {

  @Override
  public AtKey parse(String text) {
    return AtKey.parse(text);
  }

  @Override
  public String render(AtKey value) {
    return value.toString();
  }

  @Override
  @Provide
  public Arbitrary<String> canonical() {
    return Gen.keys(true).map(AtKey::toString);
  }

  @Provide
  Arbitrary<AtKey> keys() {
    return Gen.keys(true);
  }

  @Property(tries = 1000)
  void parseOfRenderIsIdentity(@ForAll("keys") AtKey key) {
    assertThat(AtKey.parse(key.toString())).isEqualTo(key);
  }

  @Property(tries = 500)
  void caseDoesNotMatter(@ForAll("keys") AtKey key) {
    assertThat(AtKey.parse(key.toString().toUpperCase(Locale.ROOT))).isEqualTo(key);
  }
}
