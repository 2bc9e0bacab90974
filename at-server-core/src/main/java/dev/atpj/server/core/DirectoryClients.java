package dev.atpj.server.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The {@link DirectoryClient}s shared by every atServer of one environment: atServers asking the
 * same atDirectory the same way (equal {@link DirectoryClientConfig}, trusted CA files of equal
 * content) get one client, so one answer cache and one kept connection however many atSigns the
 * process hosts. Directory connections present no client certificate (an atDirectory does not ask
 * for one), which is what lets atServers with different certificates share them. Clients are
 * reference-counted: {@link #acquire} hands out a {@link Handle}, and closing the last handle of a
 * client closes its kept connection and forgets it, so one atServer stopping does not disturb the
 * others. Several registries may live in one process (one per environment); they share nothing.
 * Thread-safe.
 */
public final class DirectoryClients implements AutoCloseable {
  private final EventLoops loops;
  private final LongSupplier nanoTime;
  private final Map<Key, Shared> clients = new HashMap<>();
  private boolean closed;

  /** Trust is compared by the CA file's content: servers often hold copies of one CA. */
  private record Key(DirectoryClientConfig config, String trustedCaPem) {}

  private static final class Shared {
    private final DirectoryClient client;
    private int users;

    private Shared(DirectoryClient client) {
      this.client = client;
    }
  }

  /**
   * An empty registry.
   *
   * @param loops the event loops the clients run on
   * @param nanoTime the monotonic clock for cache ages
   */
  public DirectoryClients(EventLoops loops, LongSupplier nanoTime) {
    this.loops = loops;
    this.nanoTime = nanoTime;
  }

  /**
   * The client for a directory, created at first use.
   *
   * @param config where the directory is and how to ask it
   * @param trustedCa PEM file of the CA the directory's certificate is checked against, or {@code
   *     null} for the JDK's default trust store
   * @return a handle on the shared client; close it when done
   * @throws IllegalStateException when the registry was closed
   */
  public synchronized Handle acquire(DirectoryClientConfig config, Path trustedCa) {
    if (closed) {
      throw new IllegalStateException("the directory clients were closed");
    }
    Key key = new Key(config, trustedCa == null ? null : read(trustedCa));
    Shared shared =
        clients.computeIfAbsent(
            key,
            k ->
                new Shared(
                    new DirectoryClient(
                        loops, ClientTlsContext.create(trustedCa, null), config, nanoTime)));
    shared.users++;
    return new Handle(key, shared);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read trusted CA " + file, e);
    }
  }

  /** Clients in use now (one per distinct directory configuration). */
  public synchronized int size() {
    return clients.size();
  }

  /** Closes every client, in use or not; later {@link #acquire} calls fail. */
  @Override
  public void close() {
    Shared[] all;
    synchronized (this) {
      closed = true;
      all = clients.values().toArray(Shared[]::new);
      clients.clear();
    }
    for (Shared shared : all) {
      shared.client.close();
    }
  }

  private void release(Key key, Shared shared) {
    synchronized (this) {
      if (--shared.users > 0 || clients.get(key) != shared) {
        return;
      }
      clients.remove(key);
    }
    shared.client.close();
  }

  /** One user's hold on a shared client; closing it twice does nothing. */
  public final class Handle implements AutoCloseable {
    private final Key key;
    private final Shared shared;
    private boolean released;

    private Handle(Key key, Shared shared) {
      this.key = key;
      this.shared = shared;
    }

    /** The shared client. */
    public DirectoryClient client() {
      return shared.client;
    }

    /** Gives the client back; the last user's close closes it. */
    @Override
    public void close() {
      synchronized (this) {
        if (released) {
          return;
        }
        released = true;
      }
      release(key, shared);
    }
  }
}
