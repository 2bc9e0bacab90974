package dev.atpj.protocol.key;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The metadata options a client may give on {@code update}, {@code update:meta} and {@code notify}
 * (docs/protocol.md B7, B11), with their wire names and value rules.
 *
 * <p>Every option also accepts the literal value {@code null}, which clears the field.
 */
public enum MetadataField {
  /** Time to live, milliseconds, at least 0. */
  TTL("ttl", Kind.DURATION),
  /** Time to birth, milliseconds, at least 0. */
  TTB("ttb", Kind.DURATION),
  /** Time to refresh, milliseconds, at least -1 (-1: cache for ever). */
  TTR("ttr", Kind.REFRESH),
  /** Cascade delete of cached copies. */
  CCD("ccd", Kind.BOOLEAN),
  /** Creation time asserted by the writer (ISO 8601 UTC, e.g. 2026-05-05T11:59:45.123Z). */
  CREATED_AT("cAt", Kind.DATE),
  /** Update time asserted by the writer. */
  UPDATED_AT("uAt", Kind.DATE),
  /** Expiry time asserted by the writer. */
  EXPIRES_AT("eAt", Kind.DATE),
  /** Availability (birth) time asserted by the writer. */
  AVAILABLE_AT("aAt", Kind.DATE),
  /** Signature of the value. */
  DATA_SIGNATURE("dataSignature", Kind.TEXT),
  /** Status of a shared key exchange. */
  SHARED_KEY_STATUS("sharedKeyStatus", Kind.TEXT),
  /** Whether the value is base64 of binary data. */
  IS_BINARY("isBinary", Kind.BOOLEAN),
  /** Whether the value is ciphertext. */
  IS_ENCRYPTED("isEncrypted", Kind.BOOLEAN),
  /** The shared key, encrypted for the recipient. */
  SHARED_KEY_ENC("sharedKeyEnc", Kind.TEXT),
  /** Checksum of the recipient's public key. */
  PUB_KEY_CS("pubKeyCS", Kind.TEXT),
  /** Hash of the recipient's public key. */
  PUB_KEY_HASH("pubKeyHash", Kind.TEXT),
  /** Algorithm of {@link #PUB_KEY_HASH}. */
  HASHING_ALGO("hashingAlgo", Kind.TEXT),
  /** Encoding of the value. */
  ENCODING("encoding", Kind.TEXT),
  /** Name of the key the value is encrypted with. */
  ENC_KEY_NAME("encKeyName", Kind.TEXT),
  /** Algorithm the value is encrypted with. */
  ENC_ALGO("encAlgo", Kind.TEXT),
  /** Initialisation vector of the value's encryption. */
  IV_NONCE("ivNonce", Kind.TEXT),
  /** Name of the key the shared key is encrypted with. */
  SKE_ENC_KEY_NAME("skeEncKeyName", Kind.TEXT),
  /** Algorithm the shared key is encrypted with. */
  SKE_ENC_ALGO("skeEncAlgo", Kind.TEXT),
  /** Whether the value is never to be changed. */
  IMMUTABLE("immutable", Kind.BOOLEAN),
  /** Application metadata: base64 of a JSON object. */
  APP_METADATA("appMetadata", Kind.APP_METADATA);

  /** The literal option value that clears a field. */
  public static final String CLEAR = "null";

  /** An asserted date as the at_commons grammar writes it; fractions beyond nanoseconds refused. */
  private static final Pattern DATE =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

  private static final Map<String, MetadataField> BY_LOWER_NAME =
      Arrays.stream(values())
          .collect(
              Collectors.toUnmodifiableMap(
                  f -> f.wireName.toLowerCase(Locale.ROOT), Function.identity()));

  private final String wireName;
  private final Kind kind;

  MetadataField(String wireName, Kind kind) {
    this.wireName = wireName;
    this.kind = kind;
  }

  /**
   * How many colon-separated tokens the value spans: 3 for a date ({@code 2026-05-05T11:59:45Z}
   * contains two colons), 1 otherwise.
   */
  public int valueTokens() {
    return kind == Kind.DATE ? 3 : 1;
  }

  /**
   * The {@link #APP_METADATA} option value for application metadata.
   *
   * @param json a JSON object as text, as {@link Metadata#appMetadata()} holds it
   * @return base64 of its UTF-8 bytes
   */
  public static String encodeAppMetadata(String json) {
    return AppMetadata.encode(json);
  }

  /** The option name on the wire, e.g. {@code dataSignature}. */
  public String wireName() {
    return wireName;
  }

  /**
   * Looks an option name up, ignoring case.
   *
   * @param name e.g. {@code ttl} or {@code isencrypted}
   * @return the field, or empty when the name is not a metadata option
   */
  public static Optional<MetadataField> fromWireName(String name) {
    return name == null
        ? Optional.empty()
        : Optional.ofNullable(BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * Checks an option value.
   *
   * @param value the raw value, or {@link #CLEAR}
   * @throws AtException {@link AtErrorCode#INVALID_SYNTAX} for a malformed value, {@link
   *     AtErrorCode#ILLEGAL_ARGUMENTS} for a number out of range
   */
  public void validate(String value) {
    if (value == null || value.isEmpty()) {
      throw new AtException(AtErrorCode.INVALID_SYNTAX, wireName + " needs a value");
    }
    if (!CLEAR.equals(value)) {
      typedValue(value);
    }
  }

  /**
   * The typed value of an option: {@link Long} for durations, {@link Boolean} for flags, {@link
   * Instant} for dates, the JSON object text for {@link #APP_METADATA}, the text otherwise; null
   * for {@link #CLEAR}.
   *
   * @param value the raw value
   * @return the typed value
   * @throws AtException when the value is not valid for this field
   */
  public Object typedValue(String value) {
    if (CLEAR.equals(value)) {
      return null;
    }
    switch (kind) {
      case DURATION:
        return number(value, 0);
      case REFRESH:
        return number(value, -1);
      case BOOLEAN:
        return bool(value);
      case DATE:
        return date(value);
      case APP_METADATA:
        return AppMetadata.decode(wireName, text(value));
      default:
        return text(value);
    }
  }

  private Long number(String value, long min) {
    boolean negative = value.startsWith("-");
    String digits = negative ? value.substring(1) : value;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new AtException(
          AtErrorCode.INVALID_SYNTAX,
          wireName + " must be a whole number of milliseconds, not '" + shorten(value) + "'");
    }
    long parsed;
    try {
      parsed = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new AtException(AtErrorCode.ILLEGAL_ARGUMENTS, wireName + " is out of range");
    }
    if (parsed < min) {
      throw new AtException(
          AtErrorCode.ILLEGAL_ARGUMENTS, wireName + " must be at least " + min + ", not " + parsed);
    }
    return parsed;
  }

  private Boolean bool(String value) {
    if ("true".equalsIgnoreCase(value)) {
      return Boolean.TRUE;
    }
    if ("false".equalsIgnoreCase(value)) {
      return Boolean.FALSE;
    }
    throw new AtException(
        AtErrorCode.INVALID_SYNTAX,
        wireName + " must be true or false, not '" + shorten(value) + "'");
  }

  private Instant date(String value) {
    if (!DATE.matcher(value).matches()) {
      throw new AtException(
          AtErrorCode.INVALID_SYNTAX,
          wireName
              + " must be an ISO 8601 UTC time like 2026-05-05T11:59:45.123Z, not '"
              + shorten(value)
              + "'");
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new AtException(AtErrorCode.INVALID_SYNTAX, wireName + " is not a valid time");
    }
  }

  private String text(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ':' || c == '@' || Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new AtException(
            AtErrorCode.INVALID_SYNTAX,
            wireName + " may not contain ':', '@', whitespace or control characters");
      }
    }
    return value;
  }

  private static String shorten(String value) {
    return KeyEntity.shorten(value);
  }

  private enum Kind {
    DURATION,
    REFRESH,
    BOOLEAN,
    DATE,
    APP_METADATA,
    TEXT
  }
}
