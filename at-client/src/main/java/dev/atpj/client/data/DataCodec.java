package dev.atpj.client.data;

import dev.atpj.client.internal.Secondary;
import dev.atpj.client.keys.AtKeys;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.LLookup;
import dev.atpj.protocol.command.Lookup;
import dev.atpj.protocol.command.LookupShape;
import dev.atpj.protocol.command.PLookup;
import dev.atpj.protocol.command.Update;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.protocol.key.AtData;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.KeyVisibility;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.protocol.key.MetadataField;
import dev.atpj.protocol.key.MetadataOption;
import dev.atpj.protocol.key.MetadataOptions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How values are written and read so that at_java and the Dart SDK agree (docs/protocol.md C7, C8,
 * C11).
 *
 * <p><b>Writing</b> ({@link #encodePut}):
 *
 * <ul>
 *   <li>public {@code public:k@me}: the clear value, {@code dataSignature} (SHA256withRSA of the
 *       value with the encryption private key), {@code isBinary}, {@code isEncrypted:false};
 *   <li>self {@code k@me}: AES-256-CTR/PKCS#7 with the self-encryption key, {@code dataSignature}
 *       over the plaintext, {@code isEncrypted:true};
 *   <li>shared {@code @bob:k@me}: AES with the key shared with bob ({@link SharedKeys}), {@code
 *       isEncrypted:true}, no signature.
 * </ul>
 *
 * With protocol 2.0 every encryption uses a random IV sent as {@code ivNonce}, and shared values
 * carry {@code sharedKeyEnc} and {@code pubKeyCS} (MD5 hex of the recipient's public key text).
 * With 1.5 the IV is zero and those fields are cleared ({@code :ivNonce:null}), so that a value
 * written over a 2.0 value is not read with a stale IV. Options follow the reference server's
 * order.
 *
 * <p><b>Reading</b> ({@link #get}) uses the {@code all:} forms to see the metadata: {@code
 * llookup:all} for the owner's keys, {@code plookup:all} for others' public keys, {@code
 * lookup:all} for keys shared with the owner. Values are decrypted with {@code ivNonce} when
 * present, else a zero IV; a shared key comes from {@code sharedKeyEnc} when {@code pubKeyCS}
 * matches the reader's public key, else from {@link SharedKeys}.
 */
public final class DataCodec {
  private final AtSign me;
  private final Supplier<AtKeys> keys;
  private final AtCrypto crypto;
  private final ProtocolVersion protocol;
  private final Secondary own;
  private final Secondary remote;
  private final SharedKeys sharedKeys;
  private final PublicKeys publicKeys;

  /**
   * Creates the codec.
   *
   * @param me the owner
   * @param keys the owner's keys
   * @param crypto the crypto conventions
   * @param protocol the version written
   * @param own where the owner's data is read and written (the replica, or the atServer)
   * @param remote the owner's atServer (lookups of other atSigns)
   * @param sharedKeys the shared keys
   * @param publicKeys the public keys
   */
  public DataCodec(
      AtSign me,
      Supplier<AtKeys> keys,
      AtCrypto crypto,
      ProtocolVersion protocol,
      Secondary own,
      Secondary remote,
      SharedKeys sharedKeys,
      PublicKeys publicKeys) {
    this.me = me;
    this.keys = keys;
    this.crypto = crypto;
    this.protocol = protocol;
    this.own = own;
    this.remote = remote;
    this.sharedKeys = sharedKeys;
    this.publicKeys = publicKeys;
  }

  /**
   * The owner's form of a key: its owner filled in; a self key of another atSign means the key that
   * atSign shares with the owner ({@code phone@bob} read by @alice is {@code @alice:phone@bob}).
   *
   * @param key the key as given
   * @return the canonical key
   */
  public AtKey normalise(AtKey key) {
    AtKey owned = key.owner() == null ? key.withOwner(me) : key;
    if (!owned.cached() && owned.visibility() == KeyVisibility.SELF && !owned.owner().equals(me)) {
      return AtKey.ofShared(me, owned.entity(), owned.owner());
    }
    return owned;
  }

  /**
   * The {@code update} that stores a value.
   *
   * @param key a public, self or shared key of the owner
   * @param value the plaintext (one line)
   * @param requested ttl, ttb, ttr, ccd, isBinary and encoding are taken from it; may be null
   * @return the command
   * @throws AtException {@link AtErrorCode#ILLEGAL_ARGUMENTS} for a key the owner cannot write
   */
  public Update encodePut(AtKey key, String value, Metadata requested) {
    AtKey k = normalise(key);
    if (k.cached() || !me.equals(k.owner())) {
      throw new AtException(
          AtErrorCode.ILLEGAL_ARGUMENTS,
          "only " + me + " can write " + k + " (" + me + " is not its owner)");
    }
    checkValue(value);
    Metadata m = requested == null ? Metadata.EMPTY : requested;
    Map<MetadataField, String> o = new EnumMap<>(MetadataField.class);
    put(o, MetadataField.TTL, m.ttl());
    put(o, MetadataField.TTB, m.ttb());
    put(o, MetadataField.TTR, m.ttr());
    put(o, MetadataField.CCD, m.ccd());
    o.put(MetadataField.IS_BINARY, String.valueOf(Boolean.TRUE.equals(m.isBinary())));
    put(o, MetadataField.ENCODING, m.encoding());
    String stored;
    switch (selfEncrypted(k) ? KeyVisibility.SELF : k.visibility()) {
      case PUBLIC -> {
        o.put(MetadataField.DATA_SIGNATURE, sign(value));
        o.put(MetadataField.IS_ENCRYPTED, "false");
        stored = value;
      }
      case SELF -> {
        String iv = newIv();
        o.put(MetadataField.DATA_SIGNATURE, sign(value));
        o.put(MetadataField.IS_ENCRYPTED, "true");
        o.put(MetadataField.IV_NONCE, orClear(iv));
        stored = crypto.aesEncrypt(value, keys.get().selfEncryptionKey(), iv);
      }
      case SHARED -> {
        AtSign other = k.sharedWith();
        String aesKey = sharedKeys.outgoing(other);
        String iv = newIv();
        o.put(MetadataField.IS_ENCRYPTED, "true");
        if (protocol.writesIvNonce()) {
          o.put(MetadataField.SHARED_KEY_ENC, sharedKeys.theirCopy(other));
          o.put(MetadataField.PUB_KEY_CS, checksum(publicKeys.of(other)));
        } else {
          o.put(MetadataField.SHARED_KEY_ENC, MetadataField.CLEAR);
          o.put(MetadataField.PUB_KEY_CS, MetadataField.CLEAR);
        }
        o.put(MetadataField.IV_NONCE, orClear(iv));
        stored = crypto.aesEncrypt(value, aesKey, iv);
      }
      default ->
          throw new AtException(
              AtErrorCode.ILLEGAL_ARGUMENTS,
              "put writes public, self and shared keys, not "
                  + k.visibility().name().toLowerCase());
    }
    return new Update(options(o), k, stored);
  }

  /**
   * Reads a value and decrypts it.
   *
   * @param key any key the owner may read: its own public, self and shared keys, another atSign's
   *     public key, a key another atSign shares with the owner, or a {@code cached:} copy
   * @param bypassCache for other atSigns' keys: ask their atServer rather than a cached copy
   * @return the value
   * @throws AtException {@link AtErrorCode#KEY_NOT_FOUND} when there is no such (active) key
   */
  public AtValue get(AtKey key, boolean bypassCache) {
    AtKey k = normalise(key);
    boolean mine = me.equals(k.owner());
    Boolean bypass = bypassCache ? Boolean.TRUE : null;
    if (k.cached()) {
      AtData data = parse(own.execute(new LLookup(LookupShape.ALL, k)), k);
      return decode(k, data);
    }
    switch (k.visibility()) {
      case PUBLIC -> {
        String reply =
            mine
                ? own.execute(new LLookup(LookupShape.ALL, k))
                : remote.execute(
                    new PLookup(bypass, LookupShape.ALL, AtKey.ofSelf(k.entity(), k.owner())));
        return decode(k, parse(reply, k));
      }
      case SELF -> {
        return decode(k, parse(own.execute(new LLookup(LookupShape.ALL, k)), k));
      }
      case SHARED -> {
        if (mine) {
          return decode(k, parse(own.execute(new LLookup(LookupShape.ALL, k)), k));
        }
        if (!me.equals(k.sharedWith())) {
          throw new AtException(
              AtErrorCode.ILLEGAL_ARGUMENTS,
              k + " is shared with " + k.sharedWith() + ", not " + me);
        }
        String reply =
            remote.execute(
                new Lookup(bypass, LookupShape.ALL, AtKey.ofSelf(k.entity(), k.owner())));
        return decode(k, parse(reply, k));
      }
      default ->
          throw new AtException(
              AtErrorCode.ILLEGAL_ARGUMENTS,
              "get reads public, self and shared keys, not " + k.visibility().name().toLowerCase());
    }
  }

  /**
   * Decrypts a value another atSign shared with the owner (a lookup or a notification).
   *
   * @param sharedBy the sharer
   * @param cipherText the base64 ciphertext
   * @param metadata its metadata ({@code ivNonce}, {@code sharedKeyEnc}, {@code pubKeyCS}); may be
   *     null
   * @return the plaintext
   */
  public String decryptFrom(AtSign sharedBy, String cipherText, Metadata metadata) {
    Metadata m = metadata == null ? Metadata.EMPTY : metadata;
    if (m.sharedKeyEnc() != null
        && (m.pubKeyCS() == null
            || m.pubKeyCS().equals(checksum(keys.get().encryptionPublicKey())))) {
      try {
        return crypto.aesDecrypt(
            cipherText, sharedKeys.fromSharedKeyEnc(m.sharedKeyEnc()), m.ivNonce());
      } catch (AtException e) {
        // Not encrypted for this key pair after all: use the shared key record.
      }
    }
    try {
      return crypto.aesDecrypt(cipherText, sharedKeys.incoming(sharedBy, false), m.ivNonce());
    } catch (AtException e) {
      // The remembered key may have been replaced: fetch it again once.
      return crypto.aesDecrypt(cipherText, sharedKeys.incoming(sharedBy, true), m.ivNonce());
    }
  }

  /**
   * Encrypts a value for another atSign with the key the owner shares with it (for a notification),
   * returning the ciphertext and the metadata options to send with it.
   *
   * @param other the recipient
   * @param value the plaintext
   * @return the ciphertext and the options
   */
  public Encrypted encryptFor(AtSign other, String value) {
    checkValue(value);
    String iv = newIv();
    Map<MetadataField, String> o = new EnumMap<>(MetadataField.class);
    o.put(MetadataField.IS_ENCRYPTED, "true");
    if (protocol.writesIvNonce()) {
      o.put(MetadataField.SHARED_KEY_ENC, sharedKeys.theirCopy(other));
      o.put(MetadataField.PUB_KEY_CS, checksum(publicKeys.of(other)));
      o.put(MetadataField.IV_NONCE, iv);
    }
    return new Encrypted(crypto.aesEncrypt(value, sharedKeys.outgoing(other), iv), options(o));
  }

  /**
   * A ciphertext and the metadata options that go with it.
   *
   * @param cipherText the base64 ciphertext
   * @param options the options ({@code isEncrypted}, and {@code ivNonce} etc. with 2.0)
   */
  public record Encrypted(String cipherText, MetadataOptions options) {}

  /**
   * {@code pubKeyCS}: the MD5 hex digest of a public key's base64 text (Dart SDK {@code
   * EncryptionUtil.md5CheckSum}).
   *
   * @param publicKey the base64 X.509 key text
   * @return 32 lowercase hex digits
   */
  public static String checksum(String publicKey) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5")
                  .digest(publicKey.trim().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new AtException(AtErrorCode.CLIENT_EXCEPTION, "MD5 is not available", e);
    }
  }

  /**
   * Decrypts a value as it is stored (e.g. both sides of a sync conflict).
   *
   * @param key its key
   * @param stored the stored text
   * @param metadata its metadata
   * @return the value
   */
  public AtValue decodeStored(AtKey key, String stored, Metadata metadata) {
    return decode(normalise(key), new AtData(null, stored, metadata));
  }

  private AtValue decode(AtKey k, AtData data) {
    Metadata m = data.metadata() == null ? Metadata.EMPTY : data.metadata();
    String stored = data.data();
    if (stored == null) {
      throw new AtException(AtErrorCode.KEY_NOT_FOUND, k + " has no value");
    }
    boolean encrypted = Boolean.TRUE.equals(m.isEncrypted());
    String value;
    if (!encrypted || k.visibility() == KeyVisibility.PUBLIC) {
      value = stored;
    } else if (selfEncrypted(k)) {
      value = crypto.aesDecrypt(stored, keys.get().selfEncryptionKey(), m.ivNonce());
    } else if (me.equals(k.owner())) {
      value = crypto.aesDecrypt(stored, sharedKeys.mine(k.sharedWith()), m.ivNonce());
    } else {
      value = decryptFrom(k.owner(), stored, m);
    }
    return new AtValue(k.withoutCached(), value, m, signature(k, value, m));
  }

  /**
   * Whether a value is encrypted with the owner's self encryption key: a self key, or a key the
   * owner shares with itself ({@code @me:k@me}, a key of its own, as the Dart SDK treats it).
   */
  private static boolean selfEncrypted(AtKey k) {
    return k.visibility() == KeyVisibility.SELF
        || (k.visibility() == KeyVisibility.SHARED
            && !k.cached()
            && k.sharedWith().equals(k.owner()));
  }

  private SignatureStatus signature(AtKey k, String value, Metadata m) {
    if (m.dataSignature() == null
        || (k.visibility() == KeyVisibility.SHARED && !selfEncrypted(k))) {
      return SignatureStatus.ABSENT;
    }
    String publicKey;
    try {
      publicKey = publicKeys.of(k.owner());
    } catch (AtException e) {
      return SignatureStatus.UNCHECKED;
    }
    return crypto.verify(value, m.dataSignature(), crypto.decodePublicKey(publicKey))
        ? SignatureStatus.VALID
        : SignatureStatus.INVALID;
  }

  private static AtData parse(String reply, AtKey k) {
    if (reply == null || reply.equals("null")) {
      throw new AtException(
          AtErrorCode.KEY_NOT_FOUND, k + " is not active (before its ttb or after its ttl)");
    }
    return AtData.parse(reply);
  }

  private String sign(String value) {
    return crypto.sign(value, crypto.decodePrivateKey(keys.get().encryptionPrivateKey()));
  }

  private String newIv() {
    return protocol.writesIvNonce() ? crypto.newIvNonce() : null;
  }

  private static String orClear(String value) {
    return value == null ? MetadataField.CLEAR : value;
  }

  private static void put(Map<MetadataField, String> o, MetadataField field, Object value) {
    if (value != null) {
      o.put(field, value.toString());
    }
  }

  private static MetadataOptions options(Map<MetadataField, String> fields) {
    List<MetadataOption> list = new ArrayList<>();
    fields.forEach((field, value) -> list.add(new MetadataOption(field, value)));
    return new MetadataOptions(list);
  }

  private static void checkValue(String value) {
    if (value == null || value.isEmpty()) {
      throw new AtException(AtErrorCode.ILLEGAL_ARGUMENTS, "the value is empty");
    }
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new AtException(
          AtErrorCode.ILLEGAL_ARGUMENTS,
          "the value has a line break; values are one line (encode binary or multi-line data, e.g."
              + " as base64 with isBinary)");
    }
  }
}
