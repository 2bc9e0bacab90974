package dev.atpj.client.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.client.keys.AtKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The committed test vectors ({@code src/test/resources/vectors}, made by {@link GenerateVectors}):
 * fixed keys for @alice, @bob and @carol, an at_java-format and a Dart-format atKeys file, and
 * values encrypted and signed with them. Tests use the fixed keys instead of generating RSA keys.
 */
public final class Vectors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Vectors() {}

  /** The fixed keys of {@code @alice}, {@code @bob} or {@code @carol}. */
  public static AtKeys keys(String atSign) {
    JsonNode k = json("keys.json").get(atSign);
    return new AtKeys(
        k.get("pkamPublicKey").asText(),
        k.get("pkamPrivateKey").asText(),
        k.get("encryptionPublicKey").asText(),
        k.get("encryptionPrivateKey").asText(),
        k.get("selfEncryptionKey").asText());
  }

  /** The values file. */
  public static JsonNode values() {
    return json("values.json");
  }

  /** A value of the values file. */
  public static String value(String name) {
    return values().get(name).asText();
  }

  /** A vector file's text. */
  public static String text(String name) {
    try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no vector file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String name) {
    try {
      return JSON.readTree(text(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
