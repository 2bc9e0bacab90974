package dev.atpj.protocol.key;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;

/** Lenient reading of JSON values: numbers and flags may also arrive as JSON strings. */
final class JsonValues {
  private JsonValues() {}

  static String toText(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  static Long toLong(JsonNode node, String name) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isTextual()) {
      String text = node.asText().trim();
      if (text.isEmpty() || "null".equals(text)) {
        return null;
      }
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw bad(name, "a whole number");
      }
    }
    throw bad(name, "a whole number");
  }

  static Boolean toBoolean(JsonNode node, String name) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      String text = node.asText().trim();
      if ("true".equalsIgnoreCase(text)) {
        return Boolean.TRUE;
      }
      if ("false".equalsIgnoreCase(text)) {
        return Boolean.FALSE;
      }
      if (text.isEmpty() || "null".equals(text)) {
        return null;
      }
    }
    throw bad(name, "true or false");
  }

  static AtException bad(String name, String expected) {
    return new AtException(AtErrorCode.INVALID_SYNTAX, "metadata " + name + " must be " + expected);
  }
}
