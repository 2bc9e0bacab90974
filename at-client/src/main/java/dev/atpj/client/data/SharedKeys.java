package dev.atpj.client.data;

import dev.atpj.client.internal.Secondary;
import dev.atpj.client.keys.AtKeys;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.LLookup;
import dev.atpj.protocol.command.Lookup;
import dev.atpj.protocol.command.LookupShape;
import dev.atpj.protocol.command.Update;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.KeyVisibility;
import dev.atpj.protocol.key.MetadataField;
import dev.atpj.protocol.key.MetadataOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The AES-256 keys an atSign shares data with, one per pair and direction (docs/protocol.md C7, C11).
 *
 * <p><b>Outgoing</b> (@alice shares with @bob): alice's own copy {@code shared_key.bob@alice} holds
 * the key RSA-encrypted with alice's encryption public key; bob's copy {@code
 * @bob:shared_key@alice} holds it RSA-encrypted with bob's, with a ttr so that bob's atServer may
 * cache it. An existing own copy is reused (read from the replica first, then the atServer, so two
 * devices never make two keys); a missing copy for bob is made again from it; when neither exists
 * a new key is made and both copies are written to the atServer directly.
 *
 * <p><b>Incoming</b> (@bob reads what @alice shared): {@code lookup:shared_key@alice} through bob's
 * atServer (which fetches and caches it from alice's), RSA-decrypted with bob's private key; or the
 * copy a shared-key notification carried.
 *
 * <p>Keys are remembered for the client's lifetime. Thread-safe.
 */
public final class SharedKeys {
  /** The entity of shared-key records. */
  public static final String ENTITY = "shared_key";

  private final AtSign me;
  private final Supplier<AtKeys> keys;
  private final AtCrypto crypto;
  private final Secondary own;
  private final Secondary remote;
  private final PublicKeys publicKeys;
  private final ProtocolVersion protocol;
  private final Map<AtSign, String> mine = new ConcurrentHashMap<>();
  private final Map<AtSign, String> theirCopies = new ConcurrentHashMap<>();
  private final Map<AtSign, String> incoming = new ConcurrentHashMap<>();

  /**
   * Creates the key cache.
   *
   * @param me the owner
   * @param keys the owner's keys
   * @param crypto the crypto conventions
   * @param own where the owner's data is read and written (the replica, or the atServer)
   * @param remote the owner's atServer
   * @param publicKeys other atSigns' public keys
   * @param protocol the protocol version written (the ttr of new copies)
   */
  public SharedKeys(
      AtSign me,
      Supplier<AtKeys> keys,
      AtCrypto crypto,
      Secondary own,
      Secondary remote,
      PublicKeys publicKeys,
      ProtocolVersion protocol) {
    this.me = me;
    this.keys = keys;
    this.crypto = crypto;
    this.own = own;
    this.remote = remote;
    this.publicKeys = publicKeys;
    this.protocol = protocol;
  }

  /** {@code shared_key.<other>@<me>}: my copy of the key I share with another atSign. */
  public static AtKey myCopyKey(AtSign me, AtSign other) {
    return AtKey.ofSelf(ENTITY + "." + other.name(), me);
  }

  /** {@code @<other>:shared_key@<me>}: the other atSign's copy of the key I share with it. */
  public static AtKey theirCopyKey(AtSign me, AtSign other) {
    return AtKey.ofShared(other, ENTITY, me);
  }

  /** Whether a key name is a copy of a shared key meant for me ({@code @<me>:shared_key@x}). */
  public static boolean isSharedKeyFor(AtKey key, AtSign me) {
    return key.visibility() == KeyVisibility.SHARED
        && me.equals(key.sharedWith())
        && ENTITY.equals(key.entity());
  }

  /**
   * The key for data I share with another atSign, made and shared when there is none yet.
   *
   * @param other the recipient
   * @return the base64 AES key
   * @throws AtException when the recipient has no public key, or the atServer fails
   */
  public String outgoing(AtSign other) {
    ensureTheirCopy(other);
    return mine.get(other);
  }

  /**
   * The recipient's copy of the key (RSA-encrypted with its public key), for {@code sharedKeyEnc}.
   *
   * @param other the recipient
   * @return the base64 RSA ciphertext
   */
  public String theirCopy(AtSign other) {
    ensureTheirCopy(other);
    return theirCopies.get(other);
  }

  /**
   * The key of data I shared, for reading my own share back; never makes one.
   *
   * @param other the recipient
   * @return the base64 AES key
   * @throws AtException {@link AtErrorCode#KEY_NOT_FOUND} when I never shared with it
   */
  public String mine(AtSign other) {
    String known = mine.get(other);
    if (known != null) {
      return known;
    }
    String myCopy = readOwn(myCopyKey(me, other));
    if (myCopy == null) {
      throw new AtException(
          AtErrorCode.KEY_NOT_FOUND,
          "no " + myCopyKey(me, other) + ": nothing shared with " + other);
    }
    String key = crypto.rsaDecrypt(myCopy, myPrivateKey());
    mine.put(other, key);
    return key;
  }

  /**
   * The key of data another atSign shares with me.
   *
   * @param other the sharer
   * @param fresh true to skip what is remembered and the atServer's cache
   * @return the base64 AES key
   * @throws AtException {@link AtErrorCode#KEY_NOT_FOUND} when it never shared a key with me
   */
  public String incoming(AtSign other, boolean fresh) {
    if (!fresh) {
      String known = incoming.get(other);
      if (known != null) {
        return known;
      }
    }
    String encrypted;
    try {
      encrypted =
          remote.execute(
              new Lookup(
                  fresh ? Boolean.TRUE : null, LookupShape.VALUE, AtKey.ofSelf(ENTITY, other)));
    } catch (AtException e) {
      if (e.code() == AtErrorCode.KEY_NOT_FOUND) {
        throw new AtException(
            AtErrorCode.KEY_NOT_FOUND, other + " has not shared a key with " + me, e);
      }
      throw e;
    }
    if (encrypted.isBlank() || encrypted.equals("null")) {
      throw new AtException(
          AtErrorCode.KEY_NOT_FOUND, "the key " + other + " shares with " + me + " is not active");
    }
    String key = crypto.rsaDecrypt(encrypted, myPrivateKey());
    incoming.put(other, key);
    return key;
  }

  /**
   * Takes a shared key that arrived in a notification ({@code @<me>:shared_key@<other>}, its value
   * RSA-encrypted with my public key).
   *
   * @param other the sharer
   * @param encrypted the notification's value
   * @return the base64 AES key
   */
  public String acceptIncoming(AtSign other, String encrypted) {
    String key = crypto.rsaDecrypt(encrypted, myPrivateKey());
    incoming.put(other, key);
    return key;
  }

  /**
   * Decrypts a {@code sharedKeyEnc} (a shared key RSA-encrypted with my public key).
   *
   * @param sharedKeyEnc the base64 ciphertext
   * @return the base64 AES key
   */
  public String fromSharedKeyEnc(String sharedKeyEnc) {
    return crypto.rsaDecrypt(sharedKeyEnc, myPrivateKey());
  }

  /** Forgets the key another atSign shares with me (it was replaced). */
  public void forgetIncoming(AtSign other) {
    incoming.remove(other);
  }

  private synchronized void ensureTheirCopy(AtSign other) {
    if (mine.containsKey(other) && theirCopies.containsKey(other)) {
      return;
    }
    String myCopy = readOwn(myCopyKey(me, other));
    if (myCopy == null) {
      create(other);
      return;
    }
    String key = crypto.rsaDecrypt(myCopy, myPrivateKey());
    mine.put(other, key);
    String theirs = readOwn(theirCopyKey(me, other));
    if (theirs == null) {
      theirs = crypto.rsaEncrypt(key, crypto.decodePublicKey(publicKeys.of(other)));
      writeTheirCopy(other, theirs);
    }
    theirCopies.put(other, theirs);
  }

  private void create(AtSign other) {
    String theirPublicKey = publicKeys.of(other);
    String key = crypto.newAesKey();
    String myCopy =
        crypto.rsaEncrypt(key, crypto.decodePublicKey(keys.get().encryptionPublicKey()));
    String theirs = crypto.rsaEncrypt(key, crypto.decodePublicKey(theirPublicKey));
    remote.execute(new Update(null, myCopyKey(me, other), myCopy));
    writeTheirCopy(other, theirs);
    mine.put(other, key);
    theirCopies.put(other, theirs);
  }

  private void writeTheirCopy(AtSign other, String theirs) {
    MetadataOptions ttr =
        MetadataOptions.EMPTY.with(MetadataField.TTR, Long.toString(protocol.sharedKeyTtr()));
    remote.execute(new Update(ttr, theirCopyKey(me, other), theirs));
  }

  /** Reads one of my keys: from the replica when there is one, else (or then) the atServer. */
  private String readOwn(AtKey key) {
    String value = read(own, key);
    if (value == null && own != remote) {
      value = read(remote, key);
    }
    return value;
  }

  private static String read(Secondary secondary, AtKey key) {
    try {
      String value = secondary.execute(new LLookup(LookupShape.VALUE, key));
      return value.isBlank() || value.equals("null") ? null : value;
    } catch (AtException e) {
      if (e.code() == AtErrorCode.KEY_NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  private java.security.PrivateKey myPrivateKey() {
    return crypto.decodePrivateKey(keys.get().encryptionPrivateKey());
  }
}
