package dev.atpj.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthLimitsTest {
  @Test
  void delaysDoubleAfterTheFreeFailuresUpToTheMaximum() {
    AuthLimits limits = AuthLimits.DEFAULT;
    assertThat(limits.delayAfter(0)).isZero();
    assertThat(limits.delayAfter(2)).isZero();
    assertThat(limits.delayAfter(3)).isEqualTo(Duration.ofSeconds(1));
    assertThat(limits.delayAfter(4)).isEqualTo(Duration.ofSeconds(2));
    assertThat(limits.delayAfter(6)).isEqualTo(Duration.ofSeconds(8));
    assertThat(limits.delayAfter(7)).isEqualTo(Duration.ofSeconds(16));
    assertThat(limits.delayAfter(1000)).isEqualTo(Duration.ofSeconds(16));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(
            () -> AuthLimits.DEFAULT.withPerConnection(1, Duration.ofSeconds(2), Duration.ZERO, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuthLimits.DEFAULT.withPerAddress(0, Duration.ofSeconds(1), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
