package dev.atpj.client.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.client.connection.Blocking;
import dev.atpj.client.internal.Secondary;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.Command;
import dev.atpj.protocol.command.Delete;
import dev.atpj.protocol.command.LLookup;
import dev.atpj.protocol.command.Scan;
import dev.atpj.protocol.command.SyncFrom;
import dev.atpj.protocol.command.Update;
import dev.atpj.protocol.key.AtData;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.KeyVisibility;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.protocol.key.MetadataField;
import dev.atpj.protocol.key.MetadataJson;
import dev.atpj.protocol.key.MetadataOption;
import dev.atpj.protocol.key.MetadataOptions;
import dev.atpj.store.AtStore;
import dev.atpj.store.CommitEntry;
import dev.atpj.store.CommitOp;
import dev.atpj.store.CommitPage;
import dev.atpj.store.StoredValue;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * A local replica of one atSign's data in an embedded {@link AtStore} (in memory or RocksDB), kept
 * in step with its atServer through the commit log (docs/protocol.md B12).
 *
 * <p>As a {@link Secondary} it answers the owner's {@code update}, {@code llookup}, {@code delete}
 * and {@code scan} locally, so a client works offline; values are stored exactly as on the atServer
 * (ciphertext for encrypted keys). Local changes are commits in the replica's own commit log;
 * changes pulled from the atServer are written without a local commit.
 *
 * <p>{@link #sync()}: <b>pull</b> {@code sync:from:<last>:limit:<n>} until an empty page, applying
 * each entry (the latest per key) unless the key has a local change not yet pushed; then it is a
 * <b>conflict</b>, reported with both versions and settled by the {@link ConflictPolicy}. Then
 * <b>push</b> each local change in commit order ({@code update} with its metadata, or {@code
 * delete}). Progress (the last server commit id pulled and the last local commit id pushed) is
 * stored in the replica, so an interrupted sync resumes. Two replicas of one atSign converge: after
 * each has synced, and one more pull, they hold the same keys and values as the atServer.
 *
 * <p>Window: a change another device pushes between this replica's pull and its push of the same
 * key is overwritten without a conflict report (the atProtocol has no conditional update).
 */
public final class Replica implements Secondary {
  /** Default entries asked per {@code sync:from} page. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  static final String LAST_PULLED = "atpj.sync.lastPulledCommitId";
  static final String LAST_PUSHED = "atpj.sync.lastPushedLocalId";
  static final String OWNER = "atpj.replica.atSign";

  private static final Duration STORE_WAIT = Duration.ofSeconds(30);

  /** Metadata text fields a value's encryption depends on: cleared on push when unset. */
  private static final List<MetadataField> CLEARED_WHEN_UNSET =
      List.of(
          MetadataField.DATA_SIGNATURE,
          MetadataField.SHARED_KEY_ENC,
          MetadataField.PUB_KEY_CS,
          MetadataField.PUB_KEY_HASH,
          MetadataField.HASHING_ALGO,
          MetadataField.ENC_KEY_NAME,
          MetadataField.ENC_ALGO,
          MetadataField.IV_NONCE,
          MetadataField.SKE_ENC_KEY_NAME,
          MetadataField.SKE_ENC_ALGO);

  private final AtSign me;
  private final AtStore store;
  private final Secondary remote;
  private final ConflictPolicy policy;
  private final Clock clock;
  private final int pageSize;
  private final ReentrantLock writes = new ReentrantLock();
  private final Object syncing = new Object();
  private final ObjectMapper json = new ObjectMapper();

  /**
   * Opens a replica on a store (empty, or used before for the same atSign).
   *
   * @param me the atSign
   * @param store the embedded store; the caller closes it
   * @param remote the atSign's atServer
   * @param policy who wins a conflict
   * @param clock for the metadata of local writes
   * @param pageSize entries per {@code sync:from} page
   * @throws AtException {@link AtErrorCode#ILLEGAL_ARGUMENTS} when the store holds another atSign's
   *     replica
   */
  public Replica(
      AtSign me,
      AtStore store,
      Secondary remote,
      ConflictPolicy policy,
      Clock clock,
      int pageSize) {
    this.me = Objects.requireNonNull(me, "me");
    this.store = Objects.requireNonNull(store, "store");
    this.remote = Objects.requireNonNull(remote, "remote");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1");
    }
    this.pageSize = pageSize;
    String owner = store.serverProperty(OWNER).orElse(null);
    if (owner == null) {
      await(store.putServerProperty(OWNER, me.toString()));
    } else if (!owner.equals(me.toString())) {
      throw new AtException(
          AtErrorCode.ILLEGAL_ARGUMENTS,
          "this replica holds " + owner + "'s data, not " + me + "'s");
    }
  }

  /** The store. */
  public AtStore store() {
    return store;
  }

  /** The atServer commit id the replica has pulled up to, or -1. */
  public long lastPulledCommitId() {
    return property(LAST_PULLED);
  }

  /** How many keys have local changes not pushed yet. */
  public int pendingChanges() {
    return pendingEntries().size();
  }

  // ---------------------------------------------------------------- local secondary

  @Override
  public String execute(Command command) {
    if (command instanceof Update u) {
      return Long.toString(update(u));
    }
    if (command instanceof LLookup l) {
      return llookup(l);
    }
    if (command instanceof Delete d) {
      return Long.toString(delete(d));
    }
    if (command instanceof Scan s && s.forAtSign() == null) {
      return scan(s);
    }
    throw new AtException(
        AtErrorCode.CLIENT_EXCEPTION,
        "the local replica does not answer " + command.verb() + "; ask the atServer");
  }

  private long update(Update u) {
    AtKey key = owned(u.key());
    Instant now = clock.instant();
    writes.lock();
    try {
      StoredValue old = store.get(key.toString()).orElse(null);
      Metadata base = old == null ? Metadata.EMPTY : old.metadata();
      Metadata merged = u.options().applyTo(base);
      Instant created = old == null || base.createdAt() == null ? now : base.createdAt();
      Metadata stamped =
          merged.toBuilder()
              .createdBy(base.createdBy() == null ? me.toString() : base.createdBy())
              .updatedBy(me.toString())
              .createdAt(created)
              .updatedAt(now)
              .version(old == null || base.version() == null ? 0 : base.version() + 1)
              .availableAt(merged.ttb() == null ? null : created.plusMillis(merged.ttb()))
              .expiresAt(
                  merged.ttl() == null || merged.ttl() <= 0 ? null : now.plusMillis(merged.ttl()))
              .build();
      return await(
          store.put(key.toString(), new StoredValue(u.value(), stamped), CommitOp.UPDATE_ALL));
    } finally {
      writes.unlock();
    }
  }

  private String llookup(LLookup l) {
    AtKey key = owned(l.key());
    StoredValue v =
        store
            .get(key.toString())
            .orElseThrow(
                () ->
                    new AtException(
                        AtErrorCode.KEY_NOT_FOUND, key + " does not exist in the local replica"));
    if (!v.metadata().isActiveAt(clock.instant())) {
      return "null";
    }
    return switch (l.shape()) {
      case VALUE -> v.value() == null ? "null" : v.value();
      case META -> MetadataJson.render(v.metadata());
      case ALL -> new AtData(key.toString(), v.value(), v.metadata()).render();
    };
  }

  private long delete(Delete d) {
    AtKey key = owned(d.key());
    writes.lock();
    try {
      return await(store.delete(key.toString(), true));
    } finally {
      writes.unlock();
    }
  }

  private String scan(Scan s) {
    Pattern regex = s.regex() == null ? null : Pattern.compile(s.regex());
    Instant now = clock.instant();
    List<String> keys = new ArrayList<>();
    store.forEachKey(
        "",
        entry -> {
          String name = entry.key();
          if (listed(name, s.showsHidden())
              && entry.value().metadata().isActiveAt(now)
              && (regex == null || regex.matcher(name).find())) {
            keys.add(name);
          }
          return true;
        });
    try {
      return json.writeValueAsString(keys);
    } catch (IOException e) {
      throw new AtException(AtErrorCode.CLIENT_EXCEPTION, "cannot render keys", e);
    }
  }

  /** Which keys an owner's {@code scan} shows (docs/protocol.md B10). */
  private static boolean listed(String name, boolean showHidden) {
    if (name.startsWith("private:")
        || name.startsWith("privatekey:")
        || name.startsWith("local:")) {
      return false;
    }
    if (name.startsWith("public:_")) {
      return showHidden && name.startsWith("public:__");
    }
    return showHidden || !name.startsWith("_");
  }

  private AtKey owned(AtKey key) {
    AtKey k =
        key.owner() == null && key.visibility() != KeyVisibility.PRIVATEKEY
            ? key.withOwner(me)
            : key;
    if (k.visibility() == KeyVisibility.PRIVATEKEY
        || (k.owner() != null && !k.owner().equals(me) && !k.cached())) {
      throw new AtException(
          AtErrorCode.ILLEGAL_ARGUMENTS, "the local replica holds " + me + "'s keys, not " + k);
    }
    return k;
  }

  // ---------------------------------------------------------------- sync

  /**
   * Pulls the atServer's changes, settles conflicts and pushes local changes.
   *
   * @return what happened
   * @throws AtException when the atServer cannot be reached or refuses a change; what was done
   *     until then is kept and the next sync continues from there
   */
  public SyncResult sync() {
    synchronized (syncing) {
      Round round = new Round();
      int pulled = pull(round);
      int pushed = push(round);
      pulled += pull(round);
      return new SyncResult(
          pulled, pushed, round.conflicts, lastPulledCommitId(), pendingChanges());
    }
  }

  /** What one sync remembers between its steps. */
  private static final class Round {
    final List<SyncConflict> conflicts = new ArrayList<>();

    /** Keys whose local change was settled by a conflict: key to its local commit id. */
    final Map<String, Long> settled = new HashMap<>();

    /** Keys this sync pushed: key to the atServer's commit id of the push. */
    final Map<String, Long> pushed = new HashMap<>();
  }

  private int pull(Round round) {
    int applied = 0;
    long from = lastPulledCommitId();
    while (true) {
      JsonNode page = parsePage(remote.execute(new SyncFrom(from, pageSize, null)));
      if (page.isEmpty()) {
        return applied;
      }
      for (JsonNode entry : page) {
        Remote r = Remote.of(entry);
        applyRemote(r, round);
        applied++;
        from = Math.max(from, r.commitId());
      }
      await(store.putServerProperty(LAST_PULLED, Long.toString(from)));
    }
  }

  private void applyRemote(Remote r, Round round) {
    writes.lock();
    try {
      long lastPushed = property(LAST_PUSHED);
      OptionalLong localId = store.commitLog().latestCommitId(r.key());
      boolean pending =
          localId.isPresent()
              && localId.getAsLong() > lastPushed
              && !Objects.equals(round.settled.get(r.key()), localId.getAsLong());
      if (pending && Objects.equals(round.pushed.get(r.key()), r.commitId())) {
        return; // our own push coming back, and the key changed locally since: keep that
      }
      StoredValue local = store.get(r.key()).orElse(null);
      if (pending && !sameValue(local, r.value())) {
        round.conflicts.add(new SyncConflict(r.key(), local, r.value(), policy));
        if (policy == ConflictPolicy.LOCAL_WINS) {
          return;
        }
      }
      if (pending) {
        round.settled.put(r.key(), localId.getAsLong());
      }
      if (r.value() == null) {
        await(store.delete(r.key(), false));
      } else {
        await(store.put(r.key(), r.value(), null));
      }
    } finally {
      writes.unlock();
    }
  }

  private int push(Round round) {
    int pushed = 0;
    for (CommitEntry entry : pendingEntries()) {
      Update update = null;
      Delete delete = null;
      writes.lock();
      try {
        OptionalLong latest = store.commitLog().latestCommitId(entry.key());
        if (latest.isEmpty() || latest.getAsLong() != entry.commitId()) {
          continue; // changed again meanwhile: the newer entry comes later
        }
        boolean skip = Objects.equals(round.settled.get(entry.key()), entry.commitId());
        AtKey key = pushable(entry.key());
        if (!skip && key != null) {
          StoredValue v = store.get(entry.key()).orElse(null);
          if (v == null || v.value() == null) {
            delete = new Delete(null, key);
          } else {
            update = new Update(optionsOf(v.metadata()), key, v.value());
          }
        }
      } finally {
        writes.unlock();
      }
      if (update != null || delete != null) {
        String reply = remote.execute(update != null ? update : delete);
        try {
          round.pushed.put(entry.key(), Long.parseLong(reply.trim()));
        } catch (NumberFormatException e) {
          // not a commit id: nothing to recognise later
        }
        pushed++;
      }
      advancePushed(entry.commitId());
    }
    return pushed;
  }

  private void advancePushed(long localId) {
    if (localId > property(LAST_PUSHED)) {
      await(store.putServerProperty(LAST_PUSHED, Long.toString(localId)));
    }
  }

  /** The latest local change of each key not pushed yet, in commit order. */
  private List<CommitEntry> pendingEntries() {
    List<CommitEntry> out = new ArrayList<>();
    long after = property(LAST_PUSHED);
    while (true) {
      CommitPage page = store.commitLog().page(after, 1000, Long.MAX_VALUE, k -> true);
      out.addAll(page.entries());
      if (page.lastExaminedId() <= after) {
        return out;
      }
      after = page.lastExaminedId();
    }
  }

  private static AtKey pushable(String name) {
    try {
      AtKey key = AtKey.parse(name);
      return key.cached() || !key.isCommitted() ? null : key;
    } catch (AtException e) {
      return null;
    }
  }

  /** The update options that recreate stored metadata on the atServer. */
  static MetadataOptions optionsOf(Metadata m) {
    List<MetadataOption> list = new ArrayList<>();
    add(list, MetadataField.TTL, m.ttl());
    add(list, MetadataField.TTB, m.ttb());
    add(list, MetadataField.TTR, m.ttr());
    add(list, MetadataField.CCD, m.ccd());
    add(list, MetadataField.DATA_SIGNATURE, m.dataSignature());
    add(list, MetadataField.SHARED_KEY_STATUS, m.sharedKeyStatus());
    add(list, MetadataField.IS_BINARY, m.isBinary());
    add(list, MetadataField.IS_ENCRYPTED, m.isEncrypted());
    add(list, MetadataField.SHARED_KEY_ENC, m.sharedKeyEnc());
    add(list, MetadataField.PUB_KEY_CS, m.pubKeyCS());
    add(list, MetadataField.PUB_KEY_HASH, m.pubKeyHash());
    add(list, MetadataField.HASHING_ALGO, m.hashingAlgo());
    add(list, MetadataField.ENCODING, m.encoding());
    add(list, MetadataField.ENC_KEY_NAME, m.encKeyName());
    add(list, MetadataField.ENC_ALGO, m.encAlgo());
    add(list, MetadataField.IV_NONCE, m.ivNonce());
    add(list, MetadataField.SKE_ENC_KEY_NAME, m.skeEncKeyName());
    add(list, MetadataField.SKE_ENC_ALGO, m.skeEncAlgo());
    add(list, MetadataField.IMMUTABLE, m.immutable());
    return new MetadataOptions(list);
  }

  private static void add(List<MetadataOption> list, MetadataField field, Object value) {
    if (value != null) {
      list.add(new MetadataOption(field, value.toString()));
    } else if (CLEARED_WHEN_UNSET.contains(field)) {
      list.add(new MetadataOption(field, MetadataField.CLEAR));
    }
  }

  private static boolean sameValue(StoredValue local, StoredValue remote) {
    if (local == null || remote == null) {
      return local == remote;
    }
    return Objects.equals(local.value(), remote.value());
  }

  private JsonNode parsePage(String reply) {
    try {
      JsonNode page = json.readTree(reply);
      if (page == null || !page.isArray()) {
        throw new AtException(AtErrorCode.CLIENT_EXCEPTION, "sync answered something not a list");
      }
      return page;
    } catch (IOException e) {
      throw new AtException(AtErrorCode.CLIENT_EXCEPTION, "sync answered invalid JSON", e);
    }
  }

  private long property(String name) {
    return store.serverProperty(name).map(Long::parseLong).orElse(-1L);
  }

  private static <T> T await(CompletableFuture<T> future) {
    return Blocking.await(future, STORE_WAIT, "the local store");
  }

  /** One sync entry: the key, its value (null when deleted) and commit id. */
  private record Remote(String key, StoredValue value, long commitId) {
    static Remote of(JsonNode e) {
      JsonNode key = e.get("atKey");
      JsonNode id = e.get("commitId");
      if (key == null || !key.isTextual() || id == null || !id.canConvertToLong()) {
        throw new AtException(AtErrorCode.CLIENT_EXCEPTION, "invalid sync entry: " + e);
      }
      String op = e.path("operation").asText("");
      JsonNode value = e.get("value");
      JsonNode meta = e.get("metadata");
      StoredValue stored = null;
      if (!op.equals("-") && value != null && !value.isNull()) {
        Metadata m =
            meta == null || !meta.isObject() ? Metadata.EMPTY : MetadataJson.parse(meta.toString());
        stored = new StoredValue(value.asText(), m);
      }
      return new Remote(key.asText(), stored, id.asLong());
    }
  }
}
