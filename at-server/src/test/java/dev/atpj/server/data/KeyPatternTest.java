package dev.atpj.server.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import org.junit.jupiter.api.Test;

class KeyPatternTest {
  @Test
  void searchesRatherThanMatchesTheWholeKey() {
    KeyPattern pattern = KeyPattern.compile("wavi");
    assertThat(pattern.find("public:location.wavi@alice")).isTrue();
    assertThat(pattern.find("phone@alice")).isFalse();
    assertThat(KeyPattern.compile(null).find("anything")).isTrue();
    assertThat(KeyPattern.compile("^public:").find("public:x@alice")).isTrue();
  }

  @Test
  void invalidLongAndCostlyPatternsAreAt0022() {
    assertThatThrownBy(() -> KeyPattern.compile("(")).satisfies(KeyPatternTest::illegal);
    assertThatThrownBy(() -> KeyPattern.compile("a".repeat(KeyPattern.MAX_LENGTH + 1)))
        .satisfies(KeyPatternTest::illegal);
    KeyPattern costly = KeyPattern.compile("(.*a){25}x");
    assertThatThrownBy(() -> costly.find("a".repeat(40) + "@alice"))
        .satisfies(KeyPatternTest::illegal);
  }

  private static void illegal(Throwable e) {
    assertThat(e).isInstanceOf(AtException.class);
    assertThat(((AtException) e).code()).isEqualTo(AtErrorCode.ILLEGAL_ARGUMENTS);
  }
}
