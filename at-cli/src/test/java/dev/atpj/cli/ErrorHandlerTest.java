package dev.atpj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.cli.common.CliException;
import dev.atpj.cli.common.ExitCodes;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class ErrorHandlerTest {
  @Test
  void eachKindOfFailureHasItsExitCode() {
    assertThat(ExitCodes.of(new CliException("x"))).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(ExitCodes.of(new IOException("x"))).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(ExitCodes.of(new UncheckedIOException(new IOException("x"))))
        .isEqualTo(ExitCodes.USER_ERROR);
    assertThat(ExitCodes.of(new AtException(AtErrorCode.KEY_NOT_FOUND, "x")))
        .isEqualTo(ExitCodes.PROTOCOL_ERROR);
    assertThat(ExitCodes.of(new IllegalStateException("bug"))).isEqualTo(ExitCodes.FAILURE);
  }

  @Test
  void descriptionsNameTheProblem() {
    assertThat(
            ErrorHandler.describe(
                new AtException(AtErrorCode.SECONDARY_NOT_FOUND, "the directory does not know @x")))
        .isEqualTo("AT0007 atServer not found: the directory does not know @x");
    assertThat(ErrorHandler.describe(new UncheckedIOException(new NoSuchFileException("/a/b"))))
        .isEqualTo("no such file: /a/b");
    assertThat(
            ErrorHandler.describe(
                new UncheckedIOException("cannot write x", new NoSuchFileException("/a"))))
        .isEqualTo("cannot write x: no such file: /a");
    assertThat(ErrorHandler.describe(new IllegalStateException("boom")))
        .startsWith("internal error: java.lang.IllegalStateException: boom");
    assertThat(ErrorHandler.oneLine("a\n  b\r\nc")).isEqualTo("a b c");
  }
}
