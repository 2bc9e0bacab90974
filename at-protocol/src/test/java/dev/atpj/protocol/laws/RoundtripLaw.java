package dev.atpj.protocol.laws;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The round-trip law every wire value obeys: for canonical text {@code x}, {@code render(parse(x))}
 * equals {@code x}. Implementations supply the parser, the renderer and an arbitrary of canonical
 * texts (annotate the implementation of {@link #canonical()} with {@code @Provide}).
 *
 * @param <T> the value type
 */
public interface RoundtripLaw<T> {
  /** Parses text into a value. */
  T parse(String text);

  /** Renders a value back to text. */
  String render(T value);

  /** Canonical texts to try. */
  Arbitrary<String> canonical();

  /** render(parse(x)) == x for canonical x. */
  @Property(tries = 1500)
  default void renderOfParseIsIdentity(@ForAll("canonical") String text) {
    assertThat(render(parse(text))).isEqualTo(text);
  }
}
