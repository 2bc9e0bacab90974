package dev.atpj.cli.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
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

  /**
   * The next line that is not blank, after the prompt when a person types.
   *
   * @param in the opened input
   * @param out where the prompt goes
   * @param prompt the prompt
   * @return the line without surrounding blanks, or null at the end of the input
   */
  String next(BufferedReader in, PrintWriter out, String prompt) throws IOException {
    while (true) {
      if (interactive()) {
        out.print(prompt);
        out.flush();
      }
      String line = in.readLine();
      if (line == null) {
        return null;
      }
      line = clean(line);
      if (!line.isEmpty()) {
        return line;
      }
    }
  }

  /** A line without its trailing carriage return and surrounding blanks. */
  static String clean(String line) {
    return line.strip();
  }
}
