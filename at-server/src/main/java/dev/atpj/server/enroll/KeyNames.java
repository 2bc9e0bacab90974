package dev.atpj.server.enroll;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.Keys;
import dev.atpj.store.AtStore;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where {@code keys:put} stores a key, as the reference names it (docs/protocol.md B15): {@code
 * public:<name>.__public_keys.<ns>@<me>}, {@code private:<app>.<device>.<name>.__private_keys.<ns>@
 * <me>} and {@code <app>.<device>.<name>.__self_keys.<ns>@<me>}; and the listing of one
 * enrollment's {@code __global} keys of a visibility.
 */
final class KeyNames {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtSign me;

  KeyNames(AtSign me) {
    this.me = me;
  }

  /** The key a {@code keys:put} writes. */
  String of(Keys put) {
    String suffix = ".__" + put.visibility() + "_keys." + put.namespace() + me;
    switch (put.visibility()) {
      case "public":
        return "public:" + put.keyName() + suffix;
      case "private":
        return "private:" + put.appName() + "." + put.deviceName() + "." + put.keyName() + suffix;
      default:
        return put.appName() + "." + put.deviceName() + "." + put.keyName() + suffix;
    }
  }

  /** The names of an enrollment's {@code __global} keys of a visibility, as {@code [a, b]}. */
  String list(AtStore store, String visibility, String enrollmentId) {
    Pattern pattern =
        Pattern.compile(".*" + visibility + ".*__global" + Pattern.quote(me.toString()) + "$");
    List<String> found = new ArrayList<>();
    store.forEachKey(
        "",
        entry -> {
          if (pattern.matcher(entry.key()).matches()
              && enrollmentId.equals(enrollmentOf(entry.value().value()))) {
            found.add(entry.key());
          }
          return true;
        });
    return "[" + String.join(", ", found) + "]";
  }

  /** The {@code enrollmentId} in a stored key's JSON, or null. */
  static String enrollmentOf(String json) {
    if (json == null) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(json);
      JsonNode id = node == null ? null : node.get("enrollmentId");
      return id == null ? null : id.asText();
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
