package dev.atpj.server.ops;

import dev.atpj.server.core.ServerTlsContext;
import dev.atpj.server.core.TlsFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads a server's certificate when its files are replaced: each check compares the chain's and
 * the key's modification time, size and file identity with the last ones seen, and on a change
 * reloads the TLS context. New connections get the new certificate; open ones keep theirs. A
 * replacement that cannot be loaded (e.g. the key was not written yet) is retried at the next check
 * while the old certificate stays in use.
 */
public final class CertificateWatcher implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(CertificateWatcher.class);

  private final ServerTlsContext tls;
  private final String atSign;
  private List<Object> seen;

  /**
   * A watcher of the files the context was loaded from, as they are now.
   *
   * @param tls the server's TLS context
   * @param atSign for logs
   */
  public CertificateWatcher(ServerTlsContext tls, String atSign) {
    this.tls = tls;
    this.atSign = atSign;
    this.seen = fingerprint(tls.files());
  }

  /** Checks the files once; reloads when they changed. */
  @Override
  public synchronized void run() {
    List<Object> now = fingerprint(tls.files());
    if (Objects.equals(now, seen)) {
      return;
    }
    try {
      tls.reload();
      seen = now;
      LOG.info("event=certificate.reloaded atSign={}", atSign);
    } catch (UncheckedIOException e) {
      LOG.warn(
          "event=certificate.reloadFailed atSign={} reason={}", atSign, e.getCause().getMessage());
    }
  }

  private static List<Object> fingerprint(TlsFiles files) {
    return List.of(stamp(files.certificateChain()), stamp(files.privateKey()));
  }

  private static Object stamp(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()), a.creationTime());
    } catch (IOException e) {
      return "missing";
    }
  }
}
