package dev.atpj.protocol.command;

import java.util.Locale;

/**
 * {@code keys:get|put|delete[:public|private|self][:namespace:<ns>][:appName:<a>][:deviceName:<d>]
 * [:keyType:<t>][:encryptionKeyName:<e>][:keyName:<name>][ <value>]}: the security keys an enrolled
 * device stores and reads (docs/protocol.md B15). Absent parts are null.
 *
 * @param operation get, put or delete
 * @param visibility {@code public}, {@code private} or {@code self}, or null
 * @param namespace the key's namespace, or null
 * @param appName the enrolled app, or null
 * @param deviceName the enrolled device, or null
 * @param keyType e.g. {@code rsa2048}, or null
 * @param encryptionKeyName the key the value is encrypted with, or null
 * @param keyName the key's name, or null
 * @param value the value ({@code put}), after a space; or null
 */
public record Keys(
    Operation operation,
    String visibility,
    String namespace,
    String appName,
    String deviceName,
    String keyType,
    String encryptionKeyName,
    String keyName,
    String value)
    implements Command {

  /** What a {@code keys:} command does. */
  public enum Operation {
    /** Read a key, or list the keys of a visibility. */
    GET,
    /** Store a key. */
    PUT,
    /** Remove a key. */
    DELETE;

    /** The operation as written on the wire. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Validates. */
  public Keys {
    if (operation == null) {
      throw Checks.syntax(Verb.KEYS);
    }
    if (visibility != null && !visibility.matches("public|private|self")) {
      throw Checks.syntax("the visibility must be public, private or self");
    }
    for (String name : new String[] {namespace, appName, deviceName}) {
      if (name != null && !name.matches("\\w+")) {
        throw Checks.syntax("namespace, appName and deviceName are letters, digits and _");
      }
    }
    if (keyType != null && !keyType.matches("[\\w-]+")
        || encryptionKeyName != null && !encryptionKeyName.matches("[\\w-]+")) {
      throw Checks.syntax("keyType and encryptionKeyName are letters, digits, _ and -");
    }
    if (keyName != null && !keyName.matches("\\S+")) {
      throw Checks.syntax("the key name has no whitespace");
    }
    if (value != null && (keyName == null || value.isEmpty())) {
      throw Checks.syntax(Verb.KEYS);
    }
  }

  /**
   * {@code keys:get:keyName:<name>}, as at_java reads an enrollment's keys.
   *
   * @param keyName the key
   * @return the command
   */
  public static Keys get(String keyName) {
    return new Keys(Operation.GET, null, null, null, null, null, null, keyName, null);
  }

  @Override
  public Verb verb() {
    return Verb.KEYS;
  }

  @Override
  public String render() {
    StringBuilder out = new StringBuilder("keys:").append(operation.wireName());
    if (visibility != null) {
      out.append(':').append(visibility);
    }
    append(out, "namespace", namespace);
    append(out, "appName", appName);
    append(out, "deviceName", deviceName);
    append(out, "keyType", keyType);
    append(out, "encryptionKeyName", encryptionKeyName);
    append(out, "keyName", keyName);
    if (value != null) {
      out.append(' ').append(value);
    }
    return out.toString();
  }

  private static void append(StringBuilder out, String name, String part) {
    if (part != null) {
      out.append(':').append(name).append(':').append(part);
    }
  }
}
