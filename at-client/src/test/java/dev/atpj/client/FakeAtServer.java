package dev.atpj.client;

import dev.atpj.client.connection.AtConnection;
import dev.atpj.client.connection.AtConnector;
import dev.atpj.client.connection.ClientOptions;
import dev.atpj.pki.ServerCredentials;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.server.core.Connection;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.IdlePolicy;
import dev.atpj.server.core.LineServer;
import dev.atpj.server.core.LineServerConfig;
import dev.atpj.server.core.LineSession;
import dev.atpj.server.core.LineSessionFactory;
import dev.atpj.server.core.Response;
import dev.atpj.server.core.ServerTlsContext;
import dev.atpj.server.core.TlsFiles;
import dev.atpj.testing.TestPki;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A protocol double of an atServer for client tests: real TLS and framing (the project's {@link
 * LineServer}), and just enough of from/cram/pkam/update/delete/llookup to exercise the client and
 * onboarding. {@code silent} is never answered; {@code notifyme} pushes a notification line before
 * its answer. Every command received is recorded.
 */
public final class FakeAtServer implements AutoCloseable {
  /** The address the double listens on. */
  public static final String HOST = "127.0.0.1";

  private final AtSign atSign;
  private final String cramSecret;
  private final AtCrypto crypto = new AtCrypto();
  private final Map<String, String> keys = new ConcurrentHashMap<>();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<Connection> monitors = new CopyOnWriteArrayList<>();
  private volatile boolean answerNoop = true;
  private volatile boolean refuseMonitor;
  private final LineServer server;
  private EventLoops ownLoops;
  private AtConnector ownConnector;

  FakeAtServer(EventLoops loops, ServerCredentials credentials, AtSign atSign, String cramSecret) {
    this.atSign = atSign;
    this.cramSecret = cramSecret;
    ServerTlsContext tls =
        ServerTlsContext.load(
            new TlsFiles(credentials.certFile(), credentials.keyFile(), credentials.caFile()),
            true);
    LineServerConfig config =
        new LineServerConfig(
            HOST,
            0,
            1 << 20,
            100,
            IdlePolicy.fixed(Duration.ofMinutes(1)),
            LineServerConfig.DEFAULT_IDLE_SWEEP_INTERVAL,
            LineServerConfig.DEFAULT_HANDSHAKE_TIMEOUT);
    LineSessionFactory sessions =
        new LineSessionFactory() {
          @Override
          public LineSession create(Connection connection) {
            return new Session(connection);
          }

          @Override
          public String connectionLimitMessage() {
            return null;
          }
        };
    this.server = LineServer.start(loops, config, tls, sessions, Clock.systemUTC());
  }

  /**
   * Starts a double with its own event loop and a connector trusting the test CA.
   *
   * @param pki the test PKI
   * @param atSign the atSign served
   * @param cramSecret its secret
   * @return the running double
   */
  public static FakeAtServer start(TestPki pki, AtSign atSign, String cramSecret) {
    EventLoops loops = EventLoops.create(1);
    FakeAtServer server = new FakeAtServer(loops, pki.serverCredentials(HOST), atSign, cramSecret);
    server.ownLoops = loops;
    server.ownConnector =
        AtConnector.using(
            loops, server.address(), ClientOptions.defaults().withTrustedCa(pki.caCertFile()));
    return server;
  }

  /** An unauthenticated connection through the connector of {@link #start}. */
  public AtConnection connect() {
    return ownConnector.connect(address());
  }

  /** The address. */
  public HostPort address() {
    return new HostPort(HOST, server.port());
  }

  /** The stored keys. */
  public Map<String, String> keys() {
    return keys;
  }

  /** Every line received, in order. */
  public List<String> received() {
    return received;
  }

  /** The {@code monitor} commands received, in order. */
  public List<String> monitorCommands() {
    return received.stream().filter(l -> l.startsWith("monitor")).toList();
  }

  /** How many monitor connections are open. */
  public long openMonitors() {
    return monitors.stream().filter(Connection::isOpen).count();
  }

  /** Writes a notification line to every open monitor connection. */
  public void pushNotification(String json) {
    for (Connection c : monitors) {
      if (c.isOpen()) {
        c.push("notification: " + json + "\n");
      }
    }
  }

  /** Closes every monitor connection, as a network failure would. */
  public void dropMonitors() {
    for (Connection c : monitors) {
      c.close();
    }
  }

  /** Whether {@code monitor} is refused with an error, as a server without it does. */
  public void refuseMonitor(boolean value) {
    refuseMonitor = value;
  }

  /** Whether {@code noop:} is answered (false: a hung server, for heartbeat tests). */
  public void answerNoop(boolean value) {
    answerNoop = value;
  }

  @Override
  public void close() {
    server.close();
    if (ownConnector != null) {
      ownConnector.close();
      ownLoops.close();
    }
  }

  private final class Session implements LineSession {
    private final Connection connection;
    private final String sessionId = "_" + UUID.randomUUID();
    private String challenge;
    private boolean owner;

    Session(Connection connection) {
      this.connection = connection;
    }

    @Override
    public String greeting() {
      return "@";
    }

    @Override
    public CompletionStage<Response> onLine(String line) {
      received.add(line);
      return CompletableFuture.completedFuture(answer(line));
    }

    private Response answer(String line) {
      if (line.equals("@exit")) {
        return Response.close();
      }
      if (line.equals("silent")) {
        return Response.none();
      }
      if (line.equals("notifyme")) {
        return reply("notification: {\"id\":\"1\"}\n" + prompt() + "data:ok");
      }
      if (line.startsWith("noop:")) {
        return answerNoop ? reply("data:ok") : Response.none();
      }
      if (line.startsWith("from:")) {
        challenge = sessionId + atSign + ":" + UUID.randomUUID();
        return reply("data:" + challenge);
      }
      if (line.startsWith("cram:")) {
        boolean ok =
            challenge != null
                && line.substring(5).equals(AtCrypto.cramDigest(cramSecret, challenge));
        return authenticated(ok);
      }
      if (line.startsWith("pkam:")) {
        String key = keys.get("privatekey:at_pkam_publickey");
        boolean ok =
            challenge != null
                && key != null
                && crypto.verify(challenge, line.substring(5), crypto.decodePublicKey(key));
        return authenticated(ok);
      }
      if (!owner) {
        return reply(
            "error:AT0401-Client authentication failed : Command cannot be executed without auth");
      }
      if (line.startsWith("monitor")) {
        if (refuseMonitor) {
          return reply("error:AT0003-Invalid syntax : the verb 'monitor' is not supported");
        }
        monitors.add(connection);
        return Response.none();
      }
      if (line.startsWith("update:")) {
        int space = line.indexOf(' ');
        keys.put(line.substring(7, space), line.substring(space + 1));
        return reply(line.startsWith("update:privatekey:") ? "data:-1" : "data:1");
      }
      if (line.startsWith("delete:")) {
        keys.remove(line.substring(7));
        return reply("data:2");
      }
      if (line.startsWith("llookup:")) {
        String value = keys.get(line.substring(8));
        return reply(
            value == null
                ? "error:AT0015-key not found : "
                    + line.substring(8)
                    + " does not exist in keystore"
                : "data:" + value);
      }
      return reply("error:AT0003-Invalid syntax : invalid command");
    }

    private Response authenticated(boolean ok) {
      challenge = null;
      if (!ok) {
        return reply("error:AT0401-Client authentication failed : Authentication Failed");
      }
      owner = true;
      return reply("data:success");
    }

    private Response reply(String text) {
      return Response.of(text + "\n" + prompt());
    }

    private String prompt() {
      return owner ? atSign + "@" : "@";
    }

    @Override
    public Response onLineTooLong(int maxLineBytes) {
      return Response.thenClose("error:AT0005-Buffer limit exceeded : too long\n@");
    }

    @Override
    public Response onInvalidUtf8() {
      return reply("error:AT0003-Invalid syntax : not UTF-8");
    }

    @Override
    public Response onFailure(Throwable failure) {
      return reply("error:AT0011-Internal server exception : internal error");
    }
  }
}
