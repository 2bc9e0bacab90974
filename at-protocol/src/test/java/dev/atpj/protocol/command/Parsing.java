package dev.atpj.protocol.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.AtKey;

/** Shared helpers for the parser tests. */
final class Parsing {
  static final CommandParser PARSER = new CommandParser();
  static final AtSign ALICE = AtSign.parse("@alice");
  static final AtSign BOB = AtSign.parse("@bob");

  private Parsing() {}

  static Command parse(String line) {
    return PARSER.parse(line);
  }

  static AtKey key(String text) {
    return AtKey.parse(text);
  }

  /** Parses, checks the record, and checks the canonical line renders back exactly. */
  static void assertCanonical(String line, Command expected) {
    Command parsed = PARSER.parse(line);
    assertThat(parsed).as(line).isEqualTo(expected);
    assertThat(parsed.render()).as("render of " + line).isEqualTo(line);
  }

  /** Parses a non-canonical line: checks the record and what it renders to. */
  static void assertParses(String line, Command expected, String rendered) {
    Command parsed = PARSER.parse(line);
    assertThat(parsed).as(line).isEqualTo(expected);
    assertThat(parsed.render()).as("render of " + line).isEqualTo(rendered);
  }

  /** Checks the line is Invalid with the given verb and code, and a non-empty reason. */
  static Invalid assertInvalid(String line, Verb verb, AtErrorCode code) {
    Command parsed = PARSER.parse(line);
    assertThat(parsed).as(line).isInstanceOf(Invalid.class);
    Invalid invalid = (Invalid) parsed;
    assertThat(invalid.verb()).as("verb of " + line).isEqualTo(verb);
    assertThat(invalid.code()).as("code of " + line + ": " + invalid.reason()).isEqualTo(code);
    assertThat(invalid.reason()).isNotBlank();
    return invalid;
  }

  static Invalid assertSyntax(String line, Verb verb) {
    return assertInvalid(line, verb, AtErrorCode.INVALID_SYNTAX);
  }
}
