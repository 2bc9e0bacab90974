package dev.atpj.protocol;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The protocol's error codes with their standard descriptions, as the reference libraries define
 * them (at_commons {@code error_message.dart}).
 */
public enum AtErrorCode {
  /** Generic server-side failure. */
  SERVER_EXCEPTION("AT0001", "Server exception"),
  /** The data store failed. */
  DATA_STORE("AT0002", "DataStore exception"),
  /** The command is not well formed, or the verb is unknown. */
  INVALID_SYNTAX("AT0003", "Invalid syntax"),
  /** A socket failed. */
  SOCKET_ERROR("AT0004", "Socket error"),
  /** A line was longer than the connection allows. */
  BUFFER_LIMIT_EXCEEDED("AT0005", "Buffer limit exceeded"),
  /** Too many server-to-server connections are open. */
  OUTBOUND_CONNECTION_LIMIT("AT0006", "Outbound connection limit exceeded"),
  /** The directory does not know the atSign. */
  SECONDARY_NOT_FOUND("AT0007", "Secondary server not found"),
  /** A server-to-server handshake failed. */
  HANDSHAKE_FAILURE("AT0008", "Handshake failure"),
  /** The requester may not do this. */
  UNAUTHORIZED("AT0009", "UnAuthorized client in request"),
  /** Internal error. */
  INTERNAL_SERVER_ERROR("AT0010", "Internal server error"),
  /** Internal exception. */
  INTERNAL_SERVER_EXCEPTION("AT0011", "Internal server exception"),
  /** Too many connections to this server. */
  INBOUND_CONNECTION_LIMIT("AT0012", "Inbound connection limit exceeded"),
  /** The connection was refused, e.g. the atSign is blocked. */
  BLOCKED_CONNECTION("AT0013", "Connection Exception"),
  /** Unknown client-side failure. */
  CLIENT_EXCEPTION("AT0014", "Unknown AtClient exception"),
  /** The key does not exist. */
  KEY_NOT_FOUND("AT0015", "key not found"),
  /** The key is not valid, or may not be written this way. */
  INVALID_KEY("AT0016", "Invalid key"),
  /** Another atServer could not be reached. */
  UNABLE_TO_CONNECT("AT0021", "Unable to connect to secondary"),
  /** An argument is out of range. */
  ILLEGAL_ARGUMENTS("AT0022", "Illegal arguments"),
  /** No answer in time. */
  TIMEOUT("AT0023", "Timeout waiting for response"),
  /** The server does not take commands at the moment. */
  SERVER_PAUSED("AT0024", "Server is paused"),
  /** APKAM enrollment denied. */
  APKAM_AUTH_DENIED("AT0025", "ApkamAuthDenied"),
  /** APKAM authentication failed. */
  APKAM_AUTH_FAILED("AT0026", "ApkamAuthFailed"),
  /** APKAM access revoked. */
  APKAM_ACCESS_REVOKED("AT0027", "ApkamAccessRevoked"),
  /** The enrollment does not exist or has expired. */
  ENROLLMENT_EXPIRED("AT0028", "Enrollment expired or invalid"),
  /** The enrollment is not in a state that allows the operation. */
  INVALID_ENROLLMENT_STATUS("AT0030", "Invalid enrollment status"),
  /** Authentication failed, or the command needs authentication. */
  UNAUTHENTICATED("AT0401", "Client authentication failed");

  private static final Map<String, AtErrorCode> BY_CODE =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(AtErrorCode::code, Function.identity()));

  private final String code;
  private final String description;

  AtErrorCode(String code, String description) {
    this.code = code;
    this.description = description;
  }

  /** The wire code, e.g. {@code AT0015}. */
  public String code() {
    return code;
  }

  /** The standard description, e.g. {@code key not found}. */
  public String description() {
    return description;
  }

  /**
   * Looks a wire code up.
   *
   * @param code a code such as {@code AT0015}
   * @return the matching error code, or empty for an unknown code
   */
  public static Optional<AtErrorCode> fromCode(String code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }
}
