package dev.atpj.client.data;

/**
 * Which atProtocol version the client writes (docs/protocol.md C7, C11). Both versions read
 * everything: values with and without {@code ivNonce}, shared keys from {@code sharedKeyEnc} or
 * from {@code shared_key@<owner>}.
 */
public enum ProtocolVersion {
  /**
   * 1.5, the default: AES with a zero IV and no {@code ivNonce}, {@code sharedKeyEnc} or {@code
   * pubKeyCS} metadata, as at_java writes, so at_java and every Dart SDK can read the data.
   */
  V1_5("1.5", 86_400_000L),
  /**
   * 2.0, as the Dart SDK writes with {@code atProtocolEmitted >= 2.0.0}: a random IV per value sent
   * as {@code ivNonce}, and the shared key encrypted for the recipient in {@code sharedKeyEnc} with
   * the {@code pubKeyCS} checksum. at_java cannot read such values.
   */
  V2_0("2.0", 3_888_000L);

  private final String text;
  private final long sharedKeyTtr;

  ProtocolVersion(String text, long sharedKeyTtr) {
    this.text = text;
    this.sharedKeyTtr = sharedKeyTtr;
  }

  /** The version as written, e.g. {@code 1.5}. */
  public String text() {
    return text;
  }

  /** Whether values get a random IV ({@code ivNonce}) and inline shared keys. */
  public boolean writesIvNonce() {
    return this == V2_0;
  }

  /**
   * The ttr, in milliseconds, of the recipient's copy of a new shared key ({@code
   * @bob:shared_key@alice}): at_java's 86400000 for 1.5, the Dart SDK's 3888000 for 2.0.
   */
  public long sharedKeyTtr() {
    return sharedKeyTtr;
  }

  /**
   * Parses {@code 1.5} or {@code 2.0} (also {@code V1_5}, {@code V2_0}).
   *
   * @param text the version
   * @return the version
   * @throws IllegalArgumentException for another text
   */
  public static ProtocolVersion parse(String text) {
    for (ProtocolVersion v : values()) {
      if (v.text.equals(text.trim()) || v.name().equalsIgnoreCase(text.trim())) {
        return v;
      }
    }
    throw new IllegalArgumentException("protocol version must be 1.5 or 2.0, not '" + text + "'");
  }

  @Override
  public String toString() {
    return text;
  }
}
