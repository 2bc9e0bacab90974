package dev.atpj.protocol.command;

/**
 * {@code monitor[:strict][:selfNotifications][:multiplexed][:<epochMillis>][ <regex>]}: stream
 * notifications on this connection; the server writes no reply (B11). {@code
 * selfNotifications:enable|disable} is accepted too.
 *
 * @param strict only notifications matching the regex, no control notifications
 * @param selfNotifications include notifications sent to oneself
 * @param multiplexed the connection also carries requests
 * @param epochMillis replay stored notifications newer than this, or null
 * @param regex the filter on key or sender, or null
 */
public record Monitor(
    boolean strict, boolean selfNotifications, boolean multiplexed, Long epochMillis, String regex)
    implements Command {
  /** Validates. */
  public Monitor {
    if (epochMillis != null) {
      Checks.atLeast(epochMillis, 0, "epochMillis");
    }
    if (regex != null) {
      Checks.nonEmpty(regex, "the regex");
    }
  }

  /** A bare {@code monitor}. */
  public Monitor() {
    this(false, false, false, null, null);
  }

  @Override
  public Verb verb() {
    return Verb.MONITOR;
  }

  @Override
  public String render() {
    StringBuilder out = new StringBuilder("monitor");
    if (strict) {
      out.append(":strict");
    }
    if (selfNotifications) {
      out.append(":selfNotifications");
    }
    if (multiplexed) {
      out.append(":multiplexed");
    }
    if (epochMillis != null) {
      out.append(':').append(epochMillis);
    }
    if (regex != null) {
      out.append(' ').append(regex);
    }
    return out.toString();
  }
}
