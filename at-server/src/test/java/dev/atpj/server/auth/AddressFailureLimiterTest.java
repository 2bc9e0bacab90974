package dev.atpj.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AddressFailureLimiterTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  private static AddressFailureLimiter limiter(int free, Duration window, int addresses) {
    return new AddressFailureLimiter(free, window, addresses, 1000, 1000);
  }

  @Test
  void anAddressPastItsFreeFailuresBacksOffExponentiallyUpToTheWindow() throws Exception {
    AddressFailureLimiter limiter = limiter(3, Duration.ofSeconds(60), 10);
    InetAddress a = InetAddress.getByName("10.0.0.1");
    limiter.recordFailure(a, T0);
    limiter.recordFailure(a, T0.plusSeconds(10));
    assertThat(limiter.blockedFor(a, T0.plusSeconds(11))).isEmpty();
    limiter.recordFailure(a, T0.plusSeconds(20));
    assertThat(limiter.blockedFor(a, T0.plusSeconds(20))).contains(Duration.ofSeconds(1));
    assertThat(limiter.blockedFor(InetAddress.getByName("10.0.0.2"), T0)).isEmpty();
    assertThat(limiter.blockedFor(a, T0.plusSeconds(21))).isEmpty();
    limiter.recordFailure(a, T0.plusSeconds(21));
    assertThat(limiter.blockedFor(a, T0.plusSeconds(21))).contains(Duration.ofSeconds(2));
    Instant t = T0.plusSeconds(23);
    for (int i = 0; i < 10; i++) {
      limiter.recordFailure(a, t);
    }
    assertThat(limiter.blockedFor(a, t)).contains(Duration.ofSeconds(60));
    assertThat(limiter.blockedFor(a, t.plusSeconds(120))).as("quiet for the window").isEmpty();
  }

  @Test
  void aSuccessForgetsTheAddress() throws Exception {
    AddressFailureLimiter limiter = limiter(1, Duration.ofSeconds(60), 10);
    InetAddress a = InetAddress.getByName("10.0.0.1");
    limiter.recordFailure(a, T0);
    limiter.recordSuccess(a);
    assertThat(limiter.trackedAddresses()).isZero();
  }

  @Test
  void theAtSignsBudgetRefusesAddressesThatFailedButNotCleanOnes() throws Exception {
    AddressFailureLimiter limiter =
        new AddressFailureLimiter(100, Duration.ofMinutes(10), 1000, 5, 60);
    for (int i = 1; i <= 5; i++) {
      limiter.recordFailure(InetAddress.getByName("10.0.0." + i), T0);
    }
    InetAddress dirty = InetAddress.getByName("10.0.0.1");
    assertThat(limiter.blockedFor(dirty, T0)).contains(Duration.ofSeconds(1));
    assertThat(limiter.blockedFor(InetAddress.getByName("10.0.1.1"), T0)).isEmpty();
    assertThat(limiter.blockedFor(dirty, T0.plusSeconds(1))).as("refilled one").isEmpty();
  }

  @Test
  void stateStaysBoundedUnderManyAddresses() throws Exception {
    AddressFailureLimiter limiter = limiter(5, Duration.ofMinutes(10), 100);
    for (int i = 0; i < 5000; i++) {
      InetAddress address = InetAddress.getByAddress(new byte[] {10, 1, (byte) (i >> 8), (byte) i});
      for (int j = 0; j < 10; j++) {
        limiter.recordFailure(address, T0);
      }
    }
    assertThat(limiter.trackedAddresses()).isEqualTo(100);
  }

  @Test
  void ipv6CountsBySlash64() throws Exception {
    AddressFailureLimiter limiter = limiter(2, Duration.ofMinutes(1), 10);
    limiter.recordFailure(InetAddress.getByName("2001:db8:1:2::1"), T0);
    limiter.recordFailure(InetAddress.getByName("2001:db8:1:2::ffff"), T0);
    assertThat(limiter.blockedFor(InetAddress.getByName("2001:db8:1:2:aaaa::9"), T0)).isPresent();
    assertThat(limiter.blockedFor(InetAddress.getByName("2001:db8:1:3::1"), T0)).isEmpty();
  }
}
