package dev.atpj.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code atp --version}: the Maven project version, from {@code version.properties} (filtered at
 * build time), and the Java runtime. Reads one small resource and nothing else, so that the version
 * is printed before any command, TLS or network class is loaded.
 */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return lines();
  }

  /** The two lines {@code --version} prints. */
  static String[] lines() {
    return new String[] {"atp (atpj) " + version(), "Java " + Runtime.version()};
  }

  /** The build's version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown} outside a build. */
  static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
