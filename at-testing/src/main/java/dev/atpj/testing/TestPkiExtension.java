package dev.atpj.testing;

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
 * Injects one {@link TestPki} per test class into constructor, lifecycle and test method
 * parameters, so the (slow) RSA CA and leaf key are generated once per class:
 *
 * <pre>{@code
 * @ExtendWith(TestPkiExtension.class)
 * class AliceWireTest {
 *   @Test
 *   void greets(TestPki pki) { ... }
 * }
 * }</pre>
 *
 * <p>The PKI lives in a temporary folder that is deleted when the class's tests are done. Nested
 * classes get their own PKI.
 */
public final class TestPkiExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestPkiExtension.class);
  private static final String KEY = "testPki";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestPki.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(KEY, key -> new Resource(), Resource.class)
        .pki();
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  /** The PKI and its folder; JUnit closes it when the class context ends. */
  private static final class Resource implements AutoCloseable {
    private final Path directory;
    private final TestPki pki;

    Resource() {
      try {
        directory = Files.createTempDirectory("atpj-test-pki");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      pki = TestPki.create(directory);
    }

    TestPki pki() {
      return pki;
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
