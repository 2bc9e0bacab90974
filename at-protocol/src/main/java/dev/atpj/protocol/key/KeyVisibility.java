package dev.atpj.protocol.key;

/**
 * Who may see a key, as told by the prefix of its name (docs/protocol.md B6).
 *
 * <p>The {@code cached:} marker is separate (see {@link AtKey#cached()}): a cached key is a copy of
 * another atSign's {@link #PUBLIC} or {@link #SHARED} key.
 */
public enum KeyVisibility {
  /** {@code public:<entity>@<owner>}: anyone may look it up. */
  PUBLIC("public:"),
  /** {@code @<other>:<entity>@<owner>}: only {@code <other>} may look it up. */
  SHARED(""),
  /** {@code <entity>@<owner>}: only the owner sees it. */
  SELF(""),
  /** {@code private:<entity>@<owner>}: server-internal, never updated by clients. */
  PRIVATE("private:"),
  /** {@code privatekey:<name>}: reserved secrets such as {@code privatekey:at_secret}; no owner. */
  PRIVATEKEY("privatekey:"),
  /** {@code local:<entity>@<owner>}: kept on one device, never synced. */
  LOCAL("local:");

  private final String prefix;

  KeyVisibility(String prefix) {
    this.prefix = prefix;
  }

  /**
   * The literal prefix that introduces this visibility in a key name, e.g. {@code public:}; empty
   * for {@link #SHARED} (which starts with {@code @<other>:}) and {@link #SELF}.
   */
  public String prefix() {
    return prefix;
  }
}
