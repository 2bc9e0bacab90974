package dev.atpj.server;

import dev.atpj.server.notify.NotificationConfig;
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
 * Injects one {@link MultiServerFixture} with {@code @alice}, {@code @bob} and {@code @carol}
 * running, shared by every server-to-server test class of the run (kept in JUnit's root store and
 * closed when the run ends): each atServer generates an RSA signing key pair at first start, which
 * is slow, so the servers are started once. Test classes use their own key names and must not rely
 * on the absence of other classes' data. These three run without autoNotify (their lookup-cache
 * tests would otherwise see values pushed by notifications); notification tests start their own
 * atSigns in the fixture ({@link NotifyWire#server}).
 */
final class SharedPeerFixture implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedPeerFixture.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == MultiServerFixture.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("peers", key -> new Resource(context), Resource.class)
        .fixture;
  }

  /** The fixture and its storage folder; JUnit closes it when the run ends. */
  private static final class Resource implements AutoCloseable {
    private final Path directory;
    private final MultiServerFixture fixture;

    Resource(ExtensionContext context) {
      try {
        directory = Files.createTempDirectory("atpj-peer-test");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      fixture = new MultiServerFixture(SharedTestPki.pki(context), directory);
      NotificationConfig noAutoNotify = NotificationConfig.builder().autoNotify(false).build();
      fixture.start("@alice", b -> b.notifications(noAutoNotify));
      fixture.start("@bob", b -> b.notifications(noAutoNotify));
      fixture.start("@carol", b -> b.notifications(noAutoNotify));
    }

    @Override
    public void close() throws IOException {
      fixture.close();
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }
}
