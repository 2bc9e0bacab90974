package dev.atpj.protocol.command;

/**
 * {@code notify:list[:<fromDate>[:<toDate>]][:<regex>]}: list received notifications (B11). Dates
 * are {@code yyyy-mm-dd}; {@code toDate} needs {@code fromDate}.
 *
 * @param fromDate the earliest date, or null
 * @param toDate the latest date, or null
 * @param regex the filter, or null
 */
public record NotifyList(String fromDate, String toDate, String regex) implements Command {
  /** Validates. */
  public NotifyList {
    if (fromDate != null && !isDate(fromDate)) {
      throw Checks.syntax("fromDate must look like yyyy-mm-dd");
    }
    if (toDate != null && (fromDate == null || !isDate(toDate))) {
      throw Checks.syntax("toDate must look like yyyy-mm-dd and follow fromDate");
    }
    if (regex != null) {
      Checks.nonEmpty(regex, "the regex");
      if (toDate == null && isDate(regex)) {
        throw Checks.syntax("a regex that looks like a date would be read as a date");
      }
    }
  }

  /** A bare {@code notify:list}. */
  public NotifyList() {
    this(null, null, null);
  }

  /**
   * Whether text has the date shape the reference accepts: four digits, a dash, up to two digits, a
   * dash, up to two digits.
   */
  static boolean isDate(String text) {
    int first = text.indexOf('-');
    int second = first < 0 ? -1 : text.indexOf('-', first + 1);
    return first == 4
        && second >= 0
        && second - first - 1 <= 2
        && text.length() - second - 1 <= 2
        && text.chars().filter(c -> c == '-').count() == 2
        && text.chars().allMatch(c -> c == '-' || (c >= '0' && c <= '9'));
  }

  @Override
  public Verb verb() {
    return Verb.NOTIFY_LIST;
  }

  @Override
  public String render() {
    StringBuilder out = new StringBuilder("notify:list");
    if (fromDate != null) {
      out.append(':').append(fromDate);
    }
    if (toDate != null) {
      out.append(':').append(toDate);
    }
    if (regex != null) {
      out.append(':').append(regex);
    }
    return out.toString();
  }
}
