package dev.atpj.cli.up;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Which addresses the atServers of {@code atp up} listen on. */
public enum HostMode {
  /**
   * Each atServer gets its own loopback address, 127.0.0.2, 127.0.0.3, … (Linux routes all of 127/8
   * to the loopback interface), so each has its own certificate for its own address.
   */
  LOOPBACK_IPS("loopback-ips"),
  /** Every atServer on 127.0.0.1 with its own port; certificates name 127.0.0.1 and localhost. */
  LOCALHOST("localhost");

  /** The address of the atDirectory in both modes. */
  public static final String DIRECTORY_HOST = "127.0.0.1";

  private final String optionValue;

  HostMode(String optionValue) {
    this.optionValue = optionValue;
  }

  /** The value of {@code --host-mode}. */
  public String optionValue() {
    return optionValue;
  }

  /**
   * The host of the atServer in a slot: what the atDirectory answers and the server binds.
   *
   * @param slot the atSign's slot, from 1
   * @return e.g. {@code 127.0.0.2} for slot 1 in {@link #LOOPBACK_IPS} mode
   */
  public String host(int slot) {
    if (slot < 1 || slot > 0xFFFFFD) {
      throw new IllegalArgumentException("slot out of range: " + slot);
    }
    if (this == LOCALHOST) {
      return DIRECTORY_HOST;
    }
    int n = slot + 1;
    return "127." + ((n >> 16) & 0xFF) + "." + ((n >> 8) & 0xFF) + "." + (n & 0xFF);
  }

  /**
   * The hosts an atServer's certificate names.
   *
   * @param host the server's host
   * @return the subject alternative names, primary first
   */
  public List<String> certificateHosts(String host) {
    return this == LOCALHOST ? List.of(host, "localhost") : List.of(host);
  }

  @Override
  public String toString() {
    return optionValue;
  }

  /** Reads {@code loopback-ips} or {@code localhost}. */
  public static final class Converter implements ITypeConverter<HostMode> {
    @Override
    public HostMode convert(String value) {
      String text = value.trim().toLowerCase(Locale.ROOT);
      for (HostMode mode : values()) {
        if (mode.optionValue.equals(text) || mode.name().equalsIgnoreCase(text)) {
          return mode;
        }
      }
      throw new TypeConversionException(
          "'" + value + "' is not a host mode; use loopback-ips or localhost");
    }
  }
}
