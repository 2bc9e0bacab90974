package dev.atpj.protocol.command;

/** What a lookup returns (docs/protocol.md B8): the value, the metadata JSON, or both as JSON. */
public enum LookupShape {
  /** The raw value (no qualifier). */
  VALUE(""),
  /** {@code meta}: the metadata as JSON. */
  META("meta"),
  /** {@code all}: {@code {"key","data","metaData"}} JSON. */
  ALL("all");

  private final String wireName;

  LookupShape(String wireName) {
    this.wireName = wireName;
  }

  /** The qualifier on the wire, empty for {@link #VALUE}. */
  public String wireName() {
    return wireName;
  }

  /** The qualifier with its leading colon, e.g. {@code :meta}; empty for {@link #VALUE}. */
  String fragment() {
    return wireName.isEmpty() ? "" : ":" + wireName;
  }

  /** The shape named by a token ({@code meta} or {@code all}, any case), or null. */
  static LookupShape fromToken(String token) {
    if ("meta".equalsIgnoreCase(token)) {
      return META;
    }
    if ("all".equalsIgnoreCase(token)) {
      return ALL;
    }
    return null;
  }
}
