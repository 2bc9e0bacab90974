package dev.atpj.cli.common;

import java.util.Locale;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts servers on ports, turning a failure to listen into a message that says what to change. */
public final class Listening {
  private static final Logger LOG = LoggerFactory.getLogger(Listening.class);

  private Listening() {}

  /**
   * Starts a server on a port: the asked one, or for 0 the remembered one and, when that is taken,
   * any free one.
   */
  public static <T> T listen(
      String what, String host, int asked, int remembered, String option, IntFunction<T> start) {
    int first = asked != 0 ? asked : remembered;
    try {
      return start.apply(first);
    } catch (Exception e) { // Netty rethrows bind failures (IOExceptions) unchecked
      if (asked == 0 && first != 0 && portInUse(e)) {
        LOG.info("port {} of {} is taken; using another free port", first, what);
        return listen(what, host, 0, 0, option, start);
      }
      if (e instanceof CliException cli) {
        throw cli;
      }
      throw describe(what, host, first, option, e);
    }
  }

  /** Whether a failure means the port is taken. */
  public static boolean portInUse(Throwable failure) {
    return causeMentions(failure, "address already in use");
  }

  /**
   * The user-facing error for a server that could not listen.
   *
   * @param what e.g. {@code the atServer of @alice}
   * @param host the address
   * @param port the port
   * @param portOption the option that moves this port
   * @param failure what listening threw
   * @return the exception to throw
   */
  public static CliException describe(
      String what, String host, int port, String portOption, Throwable failure) {
    String where = host + ":" + port;
    if (portInUse(failure)) {
      return new CliException(
          "cannot start "
              + what
              + ": port "
              + port
              + " on "
              + host
              + " is already in use (by another program, or an `atp up` with another --home);"
              + " choose other ports with "
              + portOption,
          failure);
    }
    if (causeMentions(failure, "cannot assign requested address")
        || causeMentions(failure, "can't assign requested address")) {
      return new CliException(
          "cannot start "
              + what
              + ": "
              + host
              + " is not an address of this machine; where only 127.0.0.1 is on the loopback"
              + " interface (e.g. macOS) use --host-mode localhost",
          failure);
    }
    return new CliException(
        "cannot start " + what + " on " + where + ": " + rootOf(failure), failure);
  }

  private static boolean causeMentions(Throwable failure, String text) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(text)) {
        return true;
      }
    }
    return false;
  }

  private static String rootOf(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
