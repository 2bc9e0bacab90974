package dev.atpj.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPortTest {
  @Test
  void parsesAndRendersHostColonPort() {
    HostPort address = HostPort.parse("127.0.0.2:47001");
    assertThat(address).isEqualTo(new HostPort("127.0.0.2", 47001));
    assertThat(address.toString()).isEqualTo("127.0.0.2:47001");
    assertThat(HostPort.parse("root.atsign.org:64")).isEqualTo(new HostPort("root.atsign.org", 64));
  }

  @Test
  void refusesWhatOfficialClientsCannotUse() {
    assertThatThrownBy(() -> HostPort.parse("null")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HostPort.parse("no-port"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected host:port, got 'no-port'");
    assertThatThrownBy(() -> HostPort.parse(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected host:port, got 'null'");
    assertThatThrownBy(() -> HostPort.parse("::1:64"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid host '::1'");
    assertThatThrownBy(() -> HostPort.parse("host:"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected host:port, got 'host:'");
    assertThatThrownBy(() -> HostPort.parse("host:x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected host:port, got 'host:x'");
    assertThatThrownBy(() -> HostPort.parse("h:0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be in 1..65535, was 0");
    assertThatThrownBy(() -> HostPort.parse("host:70000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be in 1..65535, was 70000");
    assertThatThrownBy(() -> new HostPort("a b", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid host 'a b'");
  }
}
