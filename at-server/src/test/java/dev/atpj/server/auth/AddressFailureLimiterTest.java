package dev.atpj.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AddressFailureLimiterTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  @Test
  void refusesAfterTheLimitUntilTheOldestFailureLeavesTheWindow() throws Exception {
    AddressFailureLimiter limiter = new AddressFailureLimiter(3, Duration.ofSeconds(60), 10);
    InetAddress a = InetAddress.getByName("10.0.0.1");
    limiter.recordFailure(a, T0);
    limiter.recordFailure(a, T0.plusSeconds(10));
    assertThat(limiter.blockedFor(a, T0.plusSeconds(11))).isEmpty();
    limiter.recordFailure(a, T0.plusSeconds(20));
    assertThat(limiter.blockedFor(a, T0.plusSeconds(21))).contains(Duration.ofSeconds(39));
    assertThat(limiter.blockedFor(InetAddress.getByName("10.0.0.2"), T0)).isEmpty();
    assertThat(limiter.blockedFor(a, T0.plusSeconds(60))).isEmpty();
  }

  @Test
  void stateStaysBoundedUnderManyAddresses() throws Exception {
    AddressFailureLimiter limiter = new AddressFailureLimiter(5, Duration.ofMinutes(10), 100);
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
    AddressFailureLimiter limiter = new AddressFailureLimiter(2, Duration.ofMinutes(1), 10);
    limiter.recordFailure(InetAddress.getByName("2001:db8:1:2::1"), T0);
    limiter.recordFailure(InetAddress.getByName("2001:db8:1:2::ffff"), T0);
    assertThat(limiter.blockedFor(InetAddress.getByName("2001:db8:1:2:aaaa::9"), T0)).isPresent();
    assertThat(limiter.blockedFor(InetAddress.getByName("2001:db8:1:3::1"), T0)).isEmpty();
  }
}
