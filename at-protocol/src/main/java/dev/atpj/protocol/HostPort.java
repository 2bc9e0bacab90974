package dev.atpj.protocol;

/**
 * A {@code host:port} pair: where an atDirectory or an atServer listens, as a directory answers it
 * (docs/protocol.md B4). The host is a DNS name or an IPv4 literal (official clients such as
 * at_java split on {@code :}, so IPv6 literals are refused).
 *
 * @param host the host
 * @param port the port, 1..65535
 */
public record HostPort(String host, int port) {
  /** Validates host and port. */
  public HostPort {
    if (host == null
        || host.isBlank()
        || host.contains(":")
        || host.chars().anyMatch(c -> c <= ' ')) {
      throw new IllegalArgumentException("invalid host '" + host + "'");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be in 1..65535, was " + port);
    }
  }

  /**
   * Parses {@code host:port}.
   *
   * @param text the text, e.g. {@code 127.0.0.1:46464}
   * @return the pair
   * @throws IllegalArgumentException when the text is not {@code host:port}
   */
  public static HostPort parse(String text) {
    int colon = text == null ? -1 : text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("expected host:port, got '" + text + "'");
    }
    try {
      return new HostPort(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected host:port, got '" + text + "'", e);
    }
  }

  /** {@code host:port}, the text {@link #parse} reads. */
  @Override
  public String toString() {
    return host + ":" + port;
  }
}
