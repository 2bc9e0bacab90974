package dev.atpj.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class HostModeTest {
  @Test
  void loopbackIpsGiveEachSlotItsOwnAddress() {
    assertThat(HostMode.LOOPBACK_IPS.host(1)).isEqualTo("127.0.0.2");
    assertThat(HostMode.LOOPBACK_IPS.host(2)).isEqualTo("127.0.0.3");
    assertThat(HostMode.LOOPBACK_IPS.host(254)).isEqualTo("127.0.0.255");
    assertThat(HostMode.LOOPBACK_IPS.host(255)).isEqualTo("127.0.1.0");
    assertThat(HostMode.LOOPBACK_IPS.certificateHosts("127.0.0.2")).containsExactly("127.0.0.2");
  }

  @Test
  void localhostPutsEveryServerOnTheSameAddress() {
    assertThat(HostMode.LOCALHOST.host(1)).isEqualTo("127.0.0.1");
    assertThat(HostMode.LOCALHOST.host(7)).isEqualTo("127.0.0.1");
    assertThat(HostMode.LOCALHOST.certificateHosts("127.0.0.1"))
        .containsExactly("127.0.0.1", "localhost");
  }

  @Test
  void optionValuesAreTheDocumentedNames() {
    HostMode.Converter converter = new HostMode.Converter();
    assertThat(converter.convert("loopback-ips")).isEqualTo(HostMode.LOOPBACK_IPS);
    assertThat(converter.convert("LOCALHOST")).isEqualTo(HostMode.LOCALHOST);
    assertThatThrownBy(() -> converter.convert("lan"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("loopback-ips or localhost");
  }
}
