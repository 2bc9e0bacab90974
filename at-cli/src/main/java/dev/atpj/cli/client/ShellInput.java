package dev.atpj.cli.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a shell ({@code raw}, {@code repl}) reads its lines: stdin, or {@code --script FILE}. */
public final class ShellInput {
  @Option(
      names = "--script",
      paramLabel = "FILE",
      description = "Read the lines from FILE instead of stdin, then quit.")
  Path script;

  /** Opens the input. */
  BufferedReader open() throws IOException {
    return script != null
        ? Files.newBufferedReader(script, StandardCharsets.UTF_8)
        : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
  }

  /** Whether a person types the lines (stdin is a terminal): then prompts are shown. */
  boolean interactive() {
    return script == null && System.console() != null;
  }

  /** A line without its trailing carriage return and surrounding blanks. */
  static String clean(String line) {
    return line.strip();
  }
}
