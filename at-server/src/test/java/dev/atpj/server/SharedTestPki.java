package dev.atpj.server;

import dev.atpj.testing.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects one {@link TestPki} shared by every test class of the run (kept in JUnit's root context
 * store and deleted when the run ends), so the RSA CA and leaf key are generated once for the
 * module's tests instead of once per class: RSA-2048 generation costs about a second each on a busy
 * two-core machine.
 */
public final class SharedTestPki implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedTestPki.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestPki.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return pki(context);
  }

  /** The run's shared PKI, created at first use. */
  static TestPki pki(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("pki", key -> new Resource(), Resource.class)
        .pki;
  }

  /** The PKI and its folder; JUnit closes it when the run ends. */
  private static final class Resource implements AutoCloseable {
    private final Path directory;
    private final TestPki pki;

    Resource() {
      try {
        directory = Files.createTempDirectory("atpj-server-test-pki");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      pki = TestPki.create(directory);
    }

    @Override
    public void close() throws IOException {
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }
}
