package dev.atpj.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WarningThrottleTest {
  private final AtomicLong nanos = new AtomicLong();
  private final WarningThrottle throttle =
      new WarningThrottle(Duration.ofSeconds(60), 2, nanos::get);

  @Test
  void oneWarningPerIntervalPerSubjectReportingWhatWasHeldBack() {
    assertThat(throttle.admit("@a")).isZero();
    assertThat(throttle.admit("@a")).isEqualTo(-1);
    assertThat(throttle.admit("@a")).isEqualTo(-1);
    assertThat(throttle.admit("@b")).as("another subject").isZero();
    nanos.addAndGet(Duration.ofSeconds(60).toNanos());
    assertThat(throttle.admit("@a")).isEqualTo(2);
    assertThat(throttle.admit("@a")).isEqualTo(-1);
  }

  @Test
  void remembersAtMostTheGivenNumberOfSubjects() {
    throttle.admit("@a");
    throttle.admit("@b");
    throttle.admit("@c"); // forgets @a
    assertThat(throttle.admit("@a")).isZero();
  }
}
