package dev.atpj.cli.common;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The process's logging, set by {@code --verbose}, {@code --log-level} and {@code --log-format}: a
 * level for everything and a format (text lines or one JSON object per line) for every appender of
 * the root logger ({@code logback.xml}: one, to stderr).
 */
public final class Logging {
  /** The text layout of {@code logback.xml}. */
  static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n";

  /** How log lines look. */
  public enum Format {
    /** {@code HH:mm:ss.SSS LEVEL logger - message}. */
    TEXT,
    /** One JSON object per line (Logback's {@code JsonEncoder}). */
    JSON
  }

  /** The levels {@code --log-level} accepts. */
  public enum LogLevel {
    /** Errors only. */
    ERROR,
    /** Warnings and errors (the default). */
    WARN,
    /** What servers do: connections, compaction, certificate reloads. */
    INFO,
    /** Details of atpj's own steps. */
    DEBUG,
    /** Everything. */
    TRACE
  }

  private Logging() {}

  public static void verbose(boolean verbose) {
    context()
        .ifPresent(
            context -> {
              context.getLogger("dev.atpj").setLevel(verbose ? Level.DEBUG : null);
              root(context).setLevel(verbose ? Level.INFO : Level.WARN);
            });
  }

  public static void level(LogLevel level) {
    context()
        .ifPresent(
            context -> {
              context.getLogger("dev.atpj").setLevel(null);
              root(context).setLevel(Level.toLevel(level.name()));
            });
  }

  public static void format(Format format) {
    context()
        .ifPresent(
            context -> {
              for (OutputStreamAppender<ILoggingEvent> appender : appenders(context)) {
                Encoder<ILoggingEvent> encoder =
                    format == Format.JSON ? new JsonEncoder() : textEncoder();
                encoder.setContext(context);
                encoder.start();
                appender.stop();
                appender.setEncoder(encoder);
                appender.start();
              }
            });
  }

  /**
   * Where logs go and how, for servers to print at start-up, e.g. {@code stderr (text, WARN and
   * above)}.
   *
   * @return the description
   */
  public static String destination() {
    return context()
        .map(
            context -> {
              List<String> places = new ArrayList<>();
              String format = "text";
              for (OutputStreamAppender<ILoggingEvent> appender : appenders(context)) {
                places.add(place(appender));
                if (appender.getEncoder() instanceof JsonEncoder) {
                  format = "json";
                }
              }
              Level atpj = context.getLogger("dev.atpj").getEffectiveLevel();
              String where = places.isEmpty() ? "nowhere" : String.join(", ", places);
              return where + " (" + format + ", " + atpj + " and above)";
            })
        .orElse("stderr");
  }

  private static String place(OutputStreamAppender<ILoggingEvent> appender) {
    if (appender instanceof FileAppender<ILoggingEvent> file) {
      return file.getFile();
    }
    if (appender instanceof ConsoleAppender<ILoggingEvent> console) {
      return console.getTarget().equals("System.out") ? "stdout" : "stderr";
    }
    return appender.getName();
  }

  /** The root logger's appenders that write through an encoder. */
  private static List<OutputStreamAppender<ILoggingEvent>> appenders(LoggerContext context) {
    List<OutputStreamAppender<ILoggingEvent>> found = new ArrayList<>();
    root(context)
        .iteratorForAppenders()
        .forEachRemaining(
            appender -> {
              if (appender instanceof OutputStreamAppender<ILoggingEvent> stream) {
                found.add(stream);
              }
            });
    return found;
  }

  private static PatternLayoutEncoder textEncoder() {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setPattern(TEXT_PATTERN);
    return encoder;
  }

  private static Logger root(LoggerContext context) {
    return context.getLogger(Logger.ROOT_LOGGER_NAME);
  }

  private static Optional<LoggerContext> context() {
    return LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        ? Optional.of(context)
        : Optional.empty();
  }
}
