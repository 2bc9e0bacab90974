package dev.atpj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPortTest {
  @Test
  void parsesAndRendersHostColonPort() {
    HostPort address = HostPort.parse("127.0.0.2:47001");
    assertThat(address).isEqualTo(new HostPort("127.0.0.2", 47001));
    assertThat(address.toString()).isEqualTo("127.0.0.2:47001");
  }

  @Test
  void refusesWhatOfficialClientsCannotUse() {
    assertThatThrownBy(() -> HostPort.parse("null")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HostPort.parse("::1:64")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HostPort.parse("host:")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HostPort.parse("host:70000"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
