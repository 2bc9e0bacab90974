package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.testing.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What many atServers of one environment share rather than build each: the crypto. */
@ExtendWith(SharedTestPki.class)
class SharedEnvironmentTest {
  @Test
  void serversOfOneEnvironmentShareItsCrypto(TestPki pki, @TempDir Path data) {
    try (AtServerFixture fixture = new AtServerFixture(pki, data)) {
      AtServer first = fixture.start("@first");
      AtServer second = fixture.start("@second");
      AtServer third = fixture.start("@third");
      assertThat(second.crypto())
          .isSameAs(first.crypto())
          .isSameAs(third.crypto())
          .isSameAs(fixture.environment().crypto());
    }
  }

  @Test
  void separateEnvironmentsKeepSeparateCrypto(TestPki pki, @TempDir Path data) {
    try (AtServerFixture one = new AtServerFixture(pki, data.resolve("one"));
        AtServerFixture two = new AtServerFixture(pki, data.resolve("two"))) {
      assertThat(one.start("@alice").crypto()).isNotSameAs(two.start("@alice").crypto());
    }
  }
}
