package dev.atpj.server.notify;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.command.NotifyList;
import dev.atpj.server.data.KeyPattern;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The filter of {@code notify:list} (docs/protocol.md B11): from the start of fromDate to the end
 * of toDate (UTC days; toDate defaults to now), a regex searched in the key or in the sender
 * without its {@code @} with {@link KeyPattern}'s budget (AT0022 when exceeded), unexpired
 * notifications only, in time order, at most a limit.
 */
final class NotificationListing {
  private final Instant from;
  private final Instant to;
  private final KeyPattern regex;
  private final int limit;
  private final Instant now;

  private NotificationListing(Instant from, Instant to, KeyPattern regex, int limit, Instant now) {
    this.from = from;
    this.to = to;
    this.regex = regex;
    this.limit = limit;
    this.now = now;
  }

  static NotificationListing of(NotifyList command, int limit, Instant now) {
    Instant from = command.fromDate() == null ? Instant.EPOCH : startOf(date(command.fromDate()));
    Instant to =
        command.toDate() == null
            ? Instant.MAX
            : startOf(date(command.toDate()).plusDays(1)).minusMillis(1);
    if (to.isBefore(from)) {
      throw new AtException(AtErrorCode.ILLEGAL_ARGUMENTS, "ToDate cannot be less than FromDate");
    }
    return new NotificationListing(from, to, compile(command.regex()), limit, now);
  }

  /**
   * A monitor or list regex, with {@link KeyPattern}'s length and match budget; null stays null.
   *
   * @throws AtException AT0003 for a regex that does not compile or is too long
   */
  static KeyPattern compile(String regex) {
    if (regex == null) {
      return null;
    }
    try {
      return KeyPattern.compile(regex);
    } catch (AtException e) {
      throw new AtException(AtErrorCode.INVALID_SYNTAX, "Invalid regex: " + e.getMessage());
    }
  }

  List<Notification> collect(NotificationLog log, Predicate<Notification> which) {
    List<Notification> found = new ArrayList<>();
    log.forEachRecordSince(
        from,
        r -> {
          if (r.time().isAfter(to)) {
            return false;
          }
          Notification n = NotificationLog.decode(r.id(), r.time(), r.data());
          if (n != null && which.test(n) && !n.isExpiredAt(now) && matches(n)) {
            found.add(n);
          }
          return found.size() < limit;
        });
    return found;
  }

  private boolean matches(Notification n) {
    return regex == null || regex.find(n.key()) || regex.find(n.from().name());
  }

  private static LocalDate date(String text) {
    String[] parts = text.split("-");
    try {
      return LocalDate.of(
          Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    } catch (DateTimeException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw new AtException(AtErrorCode.ILLEGAL_ARGUMENTS, "Invalid date format: " + text);
    }
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
