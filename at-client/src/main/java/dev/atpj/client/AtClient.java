package dev.atpj.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.client.connection.AtConnection;
import dev.atpj.client.connection.AtConnector;
import dev.atpj.client.connection.ClientOptions;
import dev.atpj.client.data.AtValue;
import dev.atpj.client.data.DataCodec;
import dev.atpj.client.data.ProtocolVersion;
import dev.atpj.client.data.PublicKeys;
import dev.atpj.client.data.SharedKeys;
import dev.atpj.client.internal.RemoteSecondary;
import dev.atpj.client.internal.Secondary;
import dev.atpj.client.keys.AtKeys;
import dev.atpj.client.keys.AtKeysFile;
import dev.atpj.client.notify.AtNotification;
import dev.atpj.client.notify.ConnectionListener;
import dev.atpj.client.notify.NotificationDecoder;
import dev.atpj.client.notify.NotificationListener;
import dev.atpj.client.notify.Subscription;
import dev.atpj.client.notify.SubscriptionOptions;
import dev.atpj.client.onboarding.Onboarding;
import dev.atpj.client.sync.ConflictPolicy;
import dev.atpj.client.sync.Replica;
import dev.atpj.client.sync.SyncResult;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.protocol.command.Command;
import dev.atpj.protocol.command.Delete;
import dev.atpj.protocol.command.MessageType;
import dev.atpj.protocol.command.Notify;
import dev.atpj.protocol.command.NotifyOperation;
import dev.atpj.protocol.command.NotifyStatus;
import dev.atpj.protocol.command.Scan;
import dev.atpj.protocol.command.Update;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.KeyVisibility;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.protocol.key.MetadataOptions;
import dev.atpj.store.AtStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client of one atSign: finds its atServer through the atDirectory, authenticates with PKAM,
 * and reads and writes data so that at_java and the Dart SDK read what it writes and the other way
 * round (docs/protocol.md C4–C11).
 *
 * <pre>{@code
 * try (AtClient alice = AtClient.builder(AtSign.parse("@alice"))
 *         .directory(HostPort.parse("127.0.0.1:46464"))
 *         .options(ClientOptions.defaults().withTrustedCa(Path.of("ca.pem")))
 *         .keysFile(Path.of("@alice_key.atKeys"))
 *         .build()) {
 *   alice.put(AtKey.ofShared(AtSign.parse("@bob"), "phone", null), "+1 555 0100");
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>Keys</b> are {@link AtKey}s: {@code public:phone@alice} (signed, clear), {@code
 *       phone@alice} (self, encrypted with the self-encryption key), {@code @bob:phone@alice}
 *       (shared with bob, encrypted with the key alice shares with bob). An owner left out means
 *       this client's atSign. Reading {@code phone@bob} means what bob shares with this atSign.
 *   <li><b>Connections</b> are opened on first use and reopened when dropped; every request has the
 *       deadline of {@link ClientOptions#requestTimeout()}, so no call waits for ever.
 *   <li><b>Notifications</b>: {@link #notify(AtKey, String)} and {@link #subscribe}.
 *   <li><b>Replica</b>: with {@link Builder#replica(AtStore)} the atSign's own data is read and
 *       written in a local store and {@link #sync()} exchanges changes with the atServer.
 * </ul>
 *
 * <p>No global state; thread-safe; close it to release connections and subscriptions.
 */
public final class AtClient implements AutoCloseable {
  private final AtSign atSign;
  private final AtConnector connector;
  private final boolean ownsConnector;
  private final AtCrypto crypto;
  private final ProtocolVersion protocol;
  private final Clock clock;
  private final RemoteSecondary remote;
  private final Replica replica;
  private final Secondary own;
  private final PublicKeys publicKeys;
  private final SharedKeys sharedKeys;
  private final DataCodec codec;
  private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
  private final ObjectMapper json = new ObjectMapper();
  private volatile AtKeys keys;

  private AtClient(Builder b) {
    this.atSign = b.atSign;
    this.ownsConnector = b.connector == null;
    this.connector =
        b.connector != null ? b.connector : AtConnector.standalone(b.directory, b.options);
    this.crypto = b.crypto;
    this.protocol = b.protocol;
    this.clock = b.clock;
    this.keys = b.keys;
    this.remote = new RemoteSecondary(connector, atSign, this::keys);
    this.replica =
        b.store == null
            ? null
            : new Replica(atSign, b.store, remote, b.conflictPolicy, clock, b.syncPageSize);
    this.own = replica == null ? remote : replica;
    this.publicKeys = new PublicKeys(atSign, this::keys, remote);
    this.sharedKeys = new SharedKeys(atSign, this::keys, crypto, own, remote, publicKeys, protocol);
    this.codec =
        new DataCodec(atSign, this::keys, crypto, protocol, own, remote, sharedKeys, publicKeys);
  }

  /**
   * Starts building a client.
   *
   * @param atSign the atSign the client acts as
   * @return the builder
   */
  public static Builder builder(AtSign atSign) {
    return new Builder(atSign);
  }

  /** The atSign. */
  public AtSign atSign() {
    return atSign;
  }

  /** The keys, or null before onboarding. */
  public AtKeys keys() {
    return keys;
  }

  /** The protocol version written. */
  public ProtocolVersion protocol() {
    return protocol;
  }

  /** The connector (directory, trust, timeouts). */
  public AtConnector connector() {
    return connector;
  }

  /**
   * Onboards the atSign (docs/protocol.md C5): CRAM with its secret, new PKAM, encryption and
   * self-encryption keys, the PKAM public key installed, PKAM, the encryption public key published,
   * the atKeys file written, the CRAM secret deleted unless kept. The client uses the new keys
   * afterwards.
   *
   * @param cramSecret the secret the atServer was started with
   * @param keysFile where to write the atKeys file (official format), or null for none
   * @param secret delete or keep the CRAM secret
   * @return the new keys
   */
  public AtKeys onboard(String cramSecret, Path keysFile, Onboarding.CramSecret secret) {
    return onboard(cramSecret, AtKeys.generate(crypto), keysFile, secret);
  }

  /**
   * Onboards with keys made beforehand; otherwise as {@link #onboard(String, Path,
   * Onboarding.CramSecret)}.
   *
   * @param cramSecret the secret
   * @param newKeys the keys to install
   * @param keysFile where to write the atKeys file, or null
   * @param secret delete or keep the CRAM secret
   * @return the keys
   */
  public AtKeys onboard(
      String cramSecret, AtKeys newKeys, Path keysFile, Onboarding.CramSecret secret) {
    try (AtConnection connection = connector.connect(atSign)) {
      new Onboarding(crypto).onboard(connection, atSign, cramSecret, newKeys, keysFile, secret);
    }
    this.keys = newKeys;
    remote.disconnect();
    return newKeys;
  }

  // ---------------------------------------------------------------- data

  /**
   * Stores a value: public values are signed, self and shared values encrypted (docs/protocol.md
   * C7).
   *
   * @param key a public, self or shared key of this atSign (owner may be left out)
   * @param value the value, one line
   * @return the commit id the atServer (or the replica) gave the change
   */
  public long put(AtKey key, String value) {
    return put(key, value, null);
  }

  /**
   * Stores a value with metadata.
   *
   * @param key a public, self or shared key of this atSign
   * @param value the value, one line
   * @param metadata ttl, ttb, ttr (milliseconds), ccd, isBinary and encoding are used; may be null
   * @return the commit id
   */
  public long put(AtKey key, String value, Metadata metadata) {
    Update update = codec.encodePut(key, value, metadata);
    return commitId(own.execute(update));
  }

  /**
   * Reads and decrypts a value.
   *
   * @param key this atSign's key, another atSign's public key, or a key another atSign shares with
   *     this one ({@code phone@bob} or {@code @alice:phone@bob})
   * @return the value, its metadata and signature status
   * @throws AtException {@code AT0015} when there is no such active key
   */
  public AtValue get(AtKey key) {
    return codec.get(key, false);
  }

  /**
   * Reads a value, skipping cached copies of other atSigns' data.
   *
   * @param key the key
   * @param bypassCache true to ask the other atSign's atServer
   * @return the value
   */
  public AtValue get(AtKey key, boolean bypassCache) {
    return codec.get(key, bypassCache);
  }

  /**
   * Deletes one of this atSign's keys (a shared key's recipient is notified by the atServer).
   *
   * @param key the key (owner may be left out), or a {@code cached:} copy
   * @return the commit id
   */
  public long delete(AtKey key) {
    AtKey k = key.owner() == null ? key.withOwner(atSign) : key;
    return commitId(own.execute(new Delete(null, k)));
  }

  /**
   * Lists this atSign's keys ({@code scan}).
   *
   * @param regex only keys containing a match, or null for all
   * @return the keys, as the atServer lists them (cached copies included)
   */
  public List<AtKey> getKeys(String regex) {
    return getKeys(regex, false);
  }

  /**
   * Lists this atSign's keys.
   *
   * @param regex only keys containing a match, or null
   * @param showHidden whether hidden keys ({@code _x}) are listed
   * @return the keys
   */
  public List<AtKey> getKeys(String regex, boolean showHidden) {
    String reply = own.execute(new Scan(showHidden ? Boolean.TRUE : null, null, null, regex));
    List<AtKey> out = new ArrayList<>();
    try {
      JsonNode names = json.readTree(reply);
      if (names != null && names.isArray()) {
        for (JsonNode name : names) {
          try {
            out.add(AtKey.parse(name.asText()));
          } catch (AtException e) {
            // a name this library cannot type (e.g. a reference server's internal key)
          }
        }
      }
    } catch (IOException e) {
      throw new AtException(AtErrorCode.CLIENT_EXCEPTION, "scan answered invalid JSON", e);
    }
    return out;
  }

  /**
   * Runs a command on this atSign's atServer as its owner (the escape hatch).
   *
   * @param command one command line, e.g. {@code stats:3}
   * @return the payload after {@code data:}
   */
  public String execute(String command) {
    return remote.execute(command);
  }

  /**
   * Runs a typed command on this atSign's atServer as its owner.
   *
   * @param command the command
   * @return the payload after {@code data:}
   */
  public String execute(Command command) {
    return remote.execute(command);
  }

  /** The authenticated connection to the atServer, opened if needed (for shells). */
  public AtConnection connection() {
    return remote.connection();
  }

  // ---------------------------------------------------------------- notifications

  /**
   * Sends an update notification for a key: to the atSign it is shared with, its value encrypted
   * with the key this atSign shares with it; or, for a public key, to anyone monitoring for it.
   * Delivery is asynchronous; see {@link #notificationStatus}.
   *
   * @param key {@code @bob:k@me} or {@code public:k@me}
   * @param value the value, or null for none
   * @return the notification id
   */
  public String notify(AtKey key, String value) {
    return notify(key, value, null);
  }

  /**
   * Sends an update notification that lives for a given time on the recipient's atServer.
   *
   * @param key {@code @bob:k@me} or {@code public:k@me}
   * @param value the value, or null for none
   * @param ttln how long the notification is kept (null: the server's default, 15 minutes)
   * @return the notification id
   */
  public String notify(AtKey key, String value, Duration ttln) {
    AtKey k = key.owner() == null ? key.withOwner(atSign) : key;
    AtSign to = recipientOf(k);
    MetadataOptions options = null;
    String sent = value;
    if (value != null && to != null) {
      DataCodec.Encrypted e = codec.encryptFor(to, value);
      options = e.options();
      sent = e.cipherText();
    }
    return send(
        NotifyOperation.UPDATE,
        null,
        ttln == null ? null : ttln.toMillis(),
        options,
        to,
        k,
        null,
        sent);
  }

  /**
   * Sends a delete notification for a key.
   *
   * @param key {@code @bob:k@me} or {@code public:k@me}
   * @return the notification id
   * @throws AtException {@code AT0007} when the atDirectory does not know the recipient
   */
  public String notifyDelete(AtKey key) {
    AtKey k = key.owner() == null ? key.withOwner(atSign) : key;
    return send(NotifyOperation.DELETE, null, null, null, recipientOf(k), k, null, null);
  }

  /**
   * Sends a text message (messageType text; not encrypted).
   *
   * @param to the recipient
   * @param text the text, one line
   * @return the notification id
   * @throws AtException {@code AT0007} when the atDirectory does not know the recipient
   */
  public String notifyText(AtSign to, String text) {
    return send(null, MessageType.TEXT, null, null, to, null, text, null);
  }

  /** Sends a {@code notify} with a fresh id and the server's defaults for what is not given. */
  private String send(
      NotifyOperation operation,
      MessageType type,
      Long ttlnMillis,
      MetadataOptions options,
      AtSign to,
      AtKey key,
      String text,
      String value) {
    if (to != null && !to.equals(atSign)) {
      // The atServer would accept it and fail to deliver later; an unknown atSign is told now.
      connector.locate(to);
    }
    String id = UUID.randomUUID().toString();
    return remote.execute(
        new Notify(
            id,
            operation,
            type,
            null,
            null,
            null,
            null,
            ttlnMillis,
            options,
            to,
            key,
            text,
            value));
  }

  /**
   * The delivery status of a notification this atSign sent.
   *
   * @param id the notification id
   * @return {@code delivered}, {@code queued}, {@code errored}, {@code expired}, or {@code null}
   */
  public String notificationStatus(String id) {
    return remote.execute(new NotifyStatus(id));
  }

  /**
   * Subscribes to this atSign's notifications on a monitor connection of its own, with heartbeat,
   * reconnection and replay (see {@link Subscription}). Values shared with this atSign are
   * decrypted.
   *
   * @param options filter, replay and timing
   * @param listener receives each notification once
   * @return the running subscription; close it (or the client) to stop
   */
  public Subscription subscribe(SubscriptionOptions options, NotificationListener listener) {
    return subscribe(options, listener, ConnectionListener.NONE);
  }

  /**
   * Subscribes as {@link #subscribe(SubscriptionOptions, NotificationListener)} does, and tells a
   * listener when the monitor connection is lost and when it is back.
   *
   * @param options filter, replay and timing
   * @param listener receives each notification once
   * @param connectionListener told of lost and restored connections
   * @return the running subscription; close it to stop
   */
  public Subscription subscribe(
      SubscriptionOptions options,
      NotificationListener listener,
      ConnectionListener connectionListener) {
    requireKeys();
    Subscription s =
        Subscription.start(
            connector,
            atSign,
            this::keys,
            options,
            new NotificationDecoder(atSign, codec, sharedKeys),
            listener,
            connectionListener,
            clock);
    subscriptions.add(s);
    return s;
  }

  /**
   * Decodes and decrypts a notification's JSON, as a subscription does (for JSON from {@code
   * notify:list} or a monitor connection of one's own).
   *
   * @param notificationJson the JSON object
   * @return the notification
   */
  public AtNotification decodeNotification(String notificationJson) {
    return new NotificationDecoder(atSign, codec, sharedKeys).decode(notificationJson);
  }

  // ---------------------------------------------------------------- sync

  /** Whether this client keeps a local replica. */
  public boolean hasReplica() {
    return replica != null;
  }

  /** The local replica, if configured. */
  public Replica replica() {
    if (replica == null) {
      throw new AtException(AtErrorCode.CLIENT_EXCEPTION, "this client has no local replica");
    }
    return replica;
  }

  /**
   * Exchanges changes between the local replica and the atServer (see {@link Replica#sync()}).
   *
   * @return what happened, conflicts included
   */
  public SyncResult sync() {
    return replica().sync();
  }

  /**
   * Decrypts a value as stored, e.g. a side of a {@link dev.atpj.client.sync.SyncConflict}.
   *
   * @param key the key name
   * @param stored the stored value and metadata
   * @return the plaintext value
   * @throws AtException when it cannot be decrypted
   */
  public AtValue decode(String key, dev.atpj.store.StoredValue stored) {
    return codec.decodeStored(AtKey.parse(key), stored.value(), stored.metadata());
  }

  // ---------------------------------------------------------------- lifecycle

  /** Stops subscriptions and closes connections (and the connector when the client made it). */
  @Override
  public void close() {
    for (Subscription s : subscriptions) {
      s.close();
    }
    subscriptions.clear();
    remote.close();
    if (ownsConnector) {
      connector.close();
    }
  }

  @Override
  public String toString() {
    return "AtClient["
        + atSign
        + ", protocol "
        + protocol
        + (replica == null ? "" : ", replica")
        + "]";
  }

  private AtSign recipientOf(AtKey k) {
    if (!atSign.equals(k.owner()) || k.cached()) {
      throw new AtException(
          AtErrorCode.ILLEGAL_ARGUMENTS, atSign + " can only notify about its own keys, not " + k);
    }
    if (k.visibility() == KeyVisibility.SHARED) {
      return k.sharedWith();
    }
    if (k.visibility() == KeyVisibility.PUBLIC) {
      return null;
    }
    throw new AtException(
        AtErrorCode.ILLEGAL_ARGUMENTS, "notify about a shared (@bob:k) or public key, not " + k);
  }

  private void requireKeys() {
    if (keys == null) {
      throw new AtException(
          AtErrorCode.CLIENT_EXCEPTION, "no keys for " + atSign + ": onboard first");
    }
  }

  private static long commitId(String reply) {
    try {
      return Long.parseLong(reply.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Builds an {@link AtClient}; only the atSign and the directory (or a connector) are required.
   */
  public static final class Builder {
    /** Default {@link #syncPageSize(int)}. */
    public static final int DEFAULT_SYNC_PAGE_SIZE = Replica.DEFAULT_PAGE_SIZE;

    private final AtSign atSign;
    private HostPort directory;
    private ClientOptions options = ClientOptions.defaults();
    private AtConnector connector;
    private AtKeys keys;
    private ProtocolVersion protocol = ProtocolVersion.V1_5;
    private AtCrypto crypto;
    private Clock clock = Clock.systemUTC();
    private AtStore store;
    private ConflictPolicy conflictPolicy = ConflictPolicy.REMOTE_WINS;
    private int syncPageSize = DEFAULT_SYNC_PAGE_SIZE;

    private Builder(AtSign atSign) {
      this.atSign = Objects.requireNonNull(atSign, "atSign");
    }

    /** The atDirectory that says where the atServer is, e.g. {@code root.atsign.org:64}. */
    public Builder directory(HostPort value) {
      this.directory = value;
      return this;
    }

    /** Trust (CA file or the JDK's trust store), timeouts and directory retries. */
    public Builder options(ClientOptions value) {
      this.options = Objects.requireNonNull(value, "options");
      return this;
    }

    /**
     * A connector to share (its directory, trust and event loops); the client does not close it.
     * Replaces {@link #directory} and {@link #options}.
     */
    public Builder connector(AtConnector value) {
      this.connector = value;
      return this;
    }

    /** The atSign's keys (none: only {@link AtClient#onboard} works until then). */
    public Builder keys(AtKeys value) {
      this.keys = value;
      return this;
    }

    /**
     * Reads the keys from an atKeys file (at_java or Dart SDK format).
     *
     * @param file the file
     * @return this builder
     */
    public Builder keysFile(Path file) {
      this.crypto = crypto == null ? new AtCrypto() : crypto;
      this.keys = new AtKeysFile(crypto).read(file);
      return this;
    }

    /** The protocol version written: {@link ProtocolVersion#V1_5} (default) or 2.0. */
    public Builder protocol(ProtocolVersion value) {
      this.protocol = Objects.requireNonNull(value, "protocol");
      return this;
    }

    /** The clock for local metadata and subscription timing. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Keeps a local replica of the atSign's data in an embedded store (the caller closes it): own
     * data is read and written there, and {@link AtClient#sync()} exchanges changes.
     */
    public Builder replica(AtStore value) {
      this.store = value;
      return this;
    }

    /** Who wins a sync conflict (default: the atServer); both versions are reported either way. */
    public Builder conflictPolicy(ConflictPolicy value) {
      this.conflictPolicy = Objects.requireNonNull(value, "conflictPolicy");
      return this;
    }

    /** Entries per {@code sync:from} page. */
    public Builder syncPageSize(int value) {
      this.syncPageSize = value;
      return this;
    }

    /**
     * Builds the client; nothing is connected until first use.
     *
     * @return the client
     */
    public AtClient build() {
      if (connector == null && directory == null) {
        throw new IllegalStateException("an AtClient needs a directory or a connector");
      }
      crypto = crypto == null ? new AtCrypto() : crypto;
      return new AtClient(this);
    }
  }
}
