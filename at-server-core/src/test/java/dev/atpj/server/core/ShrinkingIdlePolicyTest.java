package dev.atpj.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShrinkingIdlePolicyTest {
  private final ShrinkingIdlePolicy policy = ShrinkingIdlePolicy.REFERENCE_DEFAULTS;

  @Test
  void fullTimeBelowTheLowWaterMark() {
    assertThat(policy.maxIdle(false, 10, 200)).isEqualTo(Duration.ofMinutes(10));
    assertThat(policy.maxIdle(true, 100, 200)).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void floorAtTheLimit() {
    assertThat(policy.maxIdle(false, 200, 200)).isEqualTo(Duration.ofSeconds(5));
    assertThat(policy.maxIdle(true, 200, 200)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void shrinksLinearlyInBetween() {
    Duration half = policy.maxIdle(false, 150, 200);
    assertThat(half).isEqualTo(Duration.ofMillis((600_000 + 5_000) / 2 + 0));
  }

  @Test
  void fixedPolicyIgnoresLoad() {
    IdlePolicy fixed = IdlePolicy.fixed(Duration.ofSeconds(7));
    assertThat(fixed.maxIdle(true, 199, 200)).isEqualTo(Duration.ofSeconds(7));
  }
}
