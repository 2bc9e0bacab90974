package dev.atpj.server;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.server.data.MetadataRules;
import dev.atpj.server.data.ReservedKeys;
import dev.atpj.store.AtStore;
import dev.atpj.store.CommitOp;
import dev.atpj.store.Mutation;
import dev.atpj.store.StoredValue;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an atServer writes before it accepts connections, with point reads only (never a scan):
 *
 * <ul>
 *   <li>the CRAM secret from the configuration at {@code privatekey:at_secret}, unless the owner
 *       deleted it ({@code privatekey:at_secret_deleted}) (docs/protocol.md B5);
 *   <li>at first start, the server's RSA-2048 signing key pair for {@code pol}: {@code
 *       public:signing_publickey@me} and {@code @me:signing_privatekey@me} with the marker {@code
 *       privatekey:signing_keypair_generated}, in one atomic batch (B5 pol notes);
 *   <li>once, for a store written before keys shared with their owner were kept apart from self
 *       keys: the signing private key moves from {@code signing_privatekey@me} to {@code
 *       @me:signing_privatekey@me}, in one atomic batch that commits both changes (so synced
 *       clients follow); a crash before it leaves the old name, which the next start moves (B6).
 * </ul>
 */
final class ServerBootstrap {
  private ServerBootstrap() {}

  static void prepare(AtServerConfig config, AtStore store, Clock clock, AtCrypto crypto) {
    seedSecret(config.cramSecret(), config.atSign(), store, clock);
    migrateSigningPrivateKey(config.atSign(), store);
    ensureSigningKeys(config.atSign(), store, clock, crypto);
  }

  private static void migrateSigningPrivateKey(AtSign me, AtStore store) {
    String legacy = ReservedKeys.legacySigningPrivateKey(me).toString();
    Optional<StoredValue> old = store.get(legacy);
    if (old.isEmpty()) {
      return;
    }
    String current = ReservedKeys.signingPrivateKey(me).toString();
    List<Mutation> moves = new ArrayList<>();
    if (!store.exists(current)) {
      moves.add(new Mutation.Put(current, old.get(), CommitOp.UPDATE));
    }
    moves.add(new Mutation.Delete(legacy, true));
    store.apply(moves).join();
  }

  private static void seedSecret(String secret, AtSign me, AtStore store, Clock clock) {
    if (secret == null || store.exists(ReservedKeys.AT_SECRET_DELETED.toString())) {
      return;
    }
    String key = ReservedKeys.AT_SECRET.toString();
    String current = store.get(key).map(StoredValue::value).orElse(null);
    if (!Objects.equals(current, secret)) {
      store.put(key, value(secret, me, clock), null).join();
    }
  }

  private static void ensureSigningKeys(AtSign me, AtStore store, Clock clock, AtCrypto crypto) {
    if (store.exists(ReservedKeys.SIGNING_KEYPAIR_GENERATED.toString())) {
      return;
    }
    KeyPair pair = crypto.newRsaKeyPair();
    store
        .apply(
            List.of(
                new Mutation.Put(
                    ReservedKeys.signingPublicKey(me).toString(),
                    value(AtCrypto.encodePublicKey(pair.getPublic()), me, clock),
                    CommitOp.UPDATE),
                new Mutation.Put(
                    ReservedKeys.signingPrivateKey(me).toString(),
                    value(AtCrypto.encodePrivateKey(pair.getPrivate()), me, clock),
                    CommitOp.UPDATE),
                new Mutation.Put(
                    ReservedKeys.SIGNING_KEYPAIR_GENERATED.toString(),
                    value("true", me, clock),
                    null)))
        .join();
  }

  private static StoredValue value(String text, AtSign me, Clock clock) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return new StoredValue(text, MetadataRules.forWrite(null, m -> m, me, now));
  }
}
