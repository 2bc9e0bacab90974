package dev.atpj.protocol.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.internal.Json;
import java.util.Objects;

/**
 * {@code from:<atSign>[:clientConfig:<json>]}: claim an atSign and ask for a challenge (B5).
 *
 * @param atSign the claimed atSign
 * @param clientConfigJson the client configuration JSON object as sent, or null; fields include
 *     {@code version}, {@code clientId}, {@code appName}, {@code appVersion}, {@code platform}
 */
public record From(AtSign atSign, String clientConfigJson) implements Command {
  /** The newest client version that still gets legacy text errors. */
  public static final String LAST_TEXT_ERROR_VERSION = "3.0.37";

  /**
   * Validates.
   *
   * @throws AtException AT0003 when the client configuration is not a JSON object
   */
  public From {
    Objects.requireNonNull(atSign, "atSign");
    if (clientConfigJson != null) {
      Json.parseObject(clientConfigJson, "clientConfig");
    }
  }

  /** A plain {@code from:<atSign>}. */
  public From(AtSign atSign) {
    this(atSign, null);
  }

  /** The {@code version} the client declared in its configuration, or null. */
  public String clientVersion() {
    if (clientConfigJson == null) {
      return null;
    }
    try {
      JsonNode version = Json.parseObject(clientConfigJson, "clientConfig").get("version");
      return version == null || version.isNull() ? null : version.asText();
    } catch (AtException e) {
      return null;
    }
  }

  /**
   * Whether the connection should get JSON errors: the client declared a version above {@value
   * #LAST_TEXT_ERROR_VERSION} (B2, A3).
   */
  public boolean wantsJsonErrors() {
    String version = clientVersion();
    return version != null && Versions.compare(version, LAST_TEXT_ERROR_VERSION) > 0;
  }

  @Override
  public Verb verb() {
    return Verb.FROM;
  }

  @Override
  public String render() {
    return "from:" + atSign + (clientConfigJson == null ? "" : ":clientConfig:" + clientConfigJson);
  }
}
