package dev.atpj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atpj.cli.common.Converters;
import dev.atpj.pki.KeyAlgorithm;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ConvertersTest {
  private final Converters.DurationConverter durations = new Converters.DurationConverter();

  @Test
  void durationsTakeAUnitOrIso8601() {
    assertThat(durations.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(durations.convert("3s")).isEqualTo(Duration.ofSeconds(3));
    assertThat(durations.convert("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(durations.convert("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(durations.convert("2d")).isEqualTo(Duration.ofDays(2));
    assertThat(durations.convert("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
    assertThatThrownBy(() -> durations.convert("3")).isInstanceOf(TypeConversionException.class);
    assertThatThrownBy(() -> durations.convert("-PT1S"))
        .isInstanceOf(TypeConversionException.class);
  }

  @Test
  void durationsRenderAsTheyAreRead() {
    for (String text : new String[] {"500ms", "3s", "5m", "1h", "0s"}) {
      assertThat(Converters.render(durations.convert(text))).isEqualTo(text);
    }
  }

  @Test
  void keyAlgorithmsByTheirDocumentedNames() {
    Converters.KeyAlgorithmConverter keys = new Converters.KeyAlgorithmConverter();
    assertThat(keys.convert("ec-p256")).isEqualTo(KeyAlgorithm.EC_P256);
    assertThat(keys.convert("EC")).isEqualTo(KeyAlgorithm.EC_P256);
    assertThat(keys.convert("rsa-2048")).isEqualTo(KeyAlgorithm.RSA_2048);
    assertThat(keys.convert("RSA_2048")).isEqualTo(KeyAlgorithm.RSA_2048);
    assertThatThrownBy(() -> keys.convert("dsa"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("ec-p256 or rsa-2048");
  }

  @Test
  void atSignsAreCanonical() {
    assertThat(new Converters.AtSignConverter().convert("Alice").toString()).isEqualTo("@alice");
    assertThatThrownBy(() -> new Converters.AtSignConverter().convert("a b"))
        .isInstanceOf(TypeConversionException.class);
  }
}
