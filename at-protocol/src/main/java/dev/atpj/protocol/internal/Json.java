package dev.atpj.protocol.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The one Jackson set-up of the protocol module. The mapper is configured once here and never
 * changed afterwards, which makes it safe to share between threads.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private Json() {}

  /** Something that writes JSON to a generator. */
  @FunctionalInterface
  public interface Writer {
    /**
     * Writes JSON.
     *
     * @param generator the target
     * @throws IOException never in practice (the target is a string)
     */
    void write(JsonGenerator generator) throws IOException;
  }

  /**
   * Renders JSON to a string.
   *
   * @param writer writes exactly one JSON value
   * @return the compact JSON text
   */
  public static String render(Writer writer) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      writer.write(generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Parses JSON text.
   *
   * @param text the JSON
   * @param what what the text is, for the error message
   * @return the tree
   * @throws AtException {@link AtErrorCode#INVALID_SYNTAX} when the text is not JSON
   */
  public static JsonNode parse(String text, String what) {
    if (text == null) {
      throw new AtException(AtErrorCode.INVALID_SYNTAX, what + " is missing");
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new AtException(AtErrorCode.INVALID_SYNTAX, what + " is empty");
      }
      return node;
    } catch (IOException | RuntimeException e) {
      if (e instanceof AtException at) {
        throw at;
      }
      throw new AtException(AtErrorCode.INVALID_SYNTAX, what + " is not valid JSON", e);
    }
  }

  /**
   * Parses JSON text that must be an object.
   *
   * @param text the JSON
   * @param what what the text is, for the error message
   * @return the object node
   * @throws AtException {@link AtErrorCode#INVALID_SYNTAX} when the text is not a JSON object
   */
  public static JsonNode parseObject(String text, String what) {
    JsonNode node = parse(text, what);
    if (!node.isObject()) {
      throw new AtException(AtErrorCode.INVALID_SYNTAX, what + " must be a JSON object");
    }
    return node;
  }
}
