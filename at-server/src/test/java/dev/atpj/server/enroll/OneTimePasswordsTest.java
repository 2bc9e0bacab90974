package dev.atpj.server.enroll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.testing.MutableClock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OneTimePasswordsTest {
  private final MutableClock clock = MutableClock.startingNow();
  private final OneTimePasswords passwords = new OneTimePasswords(clock);

  @Test
  void sixCharactersWithADigitAndNeitherOnorZero() {
    for (int i = 0; i < 500; i++) {
      assertThat(passwords.issue(Duration.ofMinutes(5)))
          .matches("[A-NP-Z1-9]{6}")
          .containsPattern("[1-9]");
    }
  }

  @Test
  void aPasswordWorksOnce() {
    String otp = passwords.issue(Duration.ofMinutes(5));
    assertThat(passwords.use(otp)).isTrue();
    assertThat(passwords.use(otp)).isFalse();
    assertThat(passwords.use(null)).isFalse();
    assertThat(passwords.use("NEVER1")).isFalse();
  }

  @Test
  void aPasswordExpires() {
    String otp = passwords.issue(Duration.ofMinutes(5));
    clock.advance(Duration.ofMinutes(5));
    assertThat(passwords.use(otp)).isFalse();
  }

  @Test
  void atMostMaxLiveAreKeptAndTheOldestGoesFirst() {
    String oldest = passwords.issue(Duration.ofMinutes(1));
    Set<String> later = new HashSet<>();
    for (int i = 0; i < OneTimePasswords.MAX_LIVE; i++) {
      later.add(passwords.issue(Duration.ofMinutes(5)));
    }
    assertThat(passwords.use(oldest)).isFalse();
    assertThat(later).allMatch(passwords::use);
  }
}
