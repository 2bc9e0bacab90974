package dev.atpj.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One record of a {@link RecordLog}.
 *
 * @param id the record's id, unique in its log
 * @param time the record's time (millisecond precision), its position in time order
 * @param data the record bytes, defined by the caller
 */
public record LogRecord(String id, Instant time, byte[] data) {

  /** Validates and copies. */
  public LogRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    data = data.clone();
  }

  /** A copy of the record bytes. */
  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogRecord r
        && id.equals(r.id)
        && time.equals(r.time)
        && Arrays.equals(data, r.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, time, Arrays.hashCode(data));
  }

  @Override
  public String toString() {
    return "LogRecord[id=" + id + ", time=" + time + ", " + data.length + " bytes]";
  }
}
