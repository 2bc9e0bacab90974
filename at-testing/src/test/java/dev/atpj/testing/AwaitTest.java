package dev.atpj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {
  @Test
  void returnsOnceTheConditionHolds() {
    AtomicInteger polls = new AtomicInteger();

    Await.until(() -> polls.incrementAndGet() >= 3, "three polls");

    assertThat(polls).hasValue(3);
  }

  @Test
  void returnsTheFirstPresentValue() {
    AtomicInteger polls = new AtomicInteger();

    String value =
        Await.untilPresent(
            () -> polls.incrementAndGet() < 2 ? Optional.empty() : Optional.of("ready"),
            Await.DEFAULT_TIMEOUT,
            "a value");

    assertThat(value).isEqualTo("ready");
  }

  @Test
  void failsWithTheDescriptionWhenTimeRunsOut() {
    assertThatThrownBy(() -> Await.until(() -> false, Duration.ofMillis(20), "the impossible"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the impossible");
  }
}
