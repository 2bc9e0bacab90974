package dev.atpj.store.internal;

import dev.atpj.protocol.key.Metadata;
import dev.atpj.store.StoredValue;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Binary form of a {@link StoredValue}: a version byte, a varint bit set of the fields present (bit
 * 0 the value, then the {@link Metadata} components in the order of the table below, which keeps
 * older fields at their bits), then each present field: strings as varint length + UTF-8, numbers
 * and instants (epoch millis) as zigzag varints, booleans as one byte. A new field is appended to
 * the table; a layout change bumps the version.
 */
public final class StoredValueCodec {
  /** The format version written. */
  public static final int VERSION = 1;

  private static final Kind<String> STRING =
      new Kind<>(ByteWriter::writeString, ByteReader::readString);
  private static final Kind<Long> LONG =
      new Kind<>(ByteWriter::writeZigZag, ByteReader::readZigZag);
  private static final Kind<Integer> INT =
      new Kind<>((w, v) -> w.writeZigZag(v), r -> Math.toIntExact(r.readZigZag()));
  private static final Kind<Boolean> BOOL =
      new Kind<>((w, v) -> w.writeByte(v ? 1 : 0), r -> r.readByte() != 0);
  private static final Kind<Instant> INSTANT =
      new Kind<>(
          (w, v) -> w.writeZigZag(v.toEpochMilli()), r -> Instant.ofEpochMilli(r.readZigZag()));

  private static final List<Field<?>> FIELDS =
      List.of(
          new Field<>(Metadata::ttl, Metadata.Builder::ttl, LONG),
          new Field<>(Metadata::ttb, Metadata.Builder::ttb, LONG),
          new Field<>(Metadata::ttr, Metadata.Builder::ttr, LONG),
          new Field<>(Metadata::ccd, Metadata.Builder::ccd, BOOL),
          new Field<>(Metadata::dataSignature, Metadata.Builder::dataSignature, STRING),
          new Field<>(Metadata::sharedKeyStatus, Metadata.Builder::sharedKeyStatus, STRING),
          new Field<>(Metadata::isBinary, Metadata.Builder::isBinary, BOOL),
          new Field<>(Metadata::isEncrypted, Metadata.Builder::isEncrypted, BOOL),
          new Field<>(Metadata::sharedKeyEnc, Metadata.Builder::sharedKeyEnc, STRING),
          new Field<>(Metadata::pubKeyCS, Metadata.Builder::pubKeyCS, STRING),
          new Field<>(Metadata::encoding, Metadata.Builder::encoding, STRING),
          new Field<>(Metadata::encKeyName, Metadata.Builder::encKeyName, STRING),
          new Field<>(Metadata::encAlgo, Metadata.Builder::encAlgo, STRING),
          new Field<>(Metadata::ivNonce, Metadata.Builder::ivNonce, STRING),
          new Field<>(Metadata::skeEncKeyName, Metadata.Builder::skeEncKeyName, STRING),
          new Field<>(Metadata::skeEncAlgo, Metadata.Builder::skeEncAlgo, STRING),
          new Field<>(Metadata::createdBy, Metadata.Builder::createdBy, STRING),
          new Field<>(Metadata::updatedBy, Metadata.Builder::updatedBy, STRING),
          new Field<>(Metadata::createdAt, Metadata.Builder::createdAt, INSTANT),
          new Field<>(Metadata::updatedAt, Metadata.Builder::updatedAt, INSTANT),
          new Field<>(Metadata::availableAt, Metadata.Builder::availableAt, INSTANT),
          new Field<>(Metadata::expiresAt, Metadata.Builder::expiresAt, INSTANT),
          new Field<>(Metadata::refreshAt, Metadata.Builder::refreshAt, INSTANT),
          new Field<>(Metadata::status, Metadata.Builder::status, STRING),
          new Field<>(Metadata::version, Metadata.Builder::version, INT),
          new Field<>(Metadata::pubKeyHash, Metadata.Builder::pubKeyHash, STRING),
          new Field<>(Metadata::hashingAlgo, Metadata.Builder::hashingAlgo, STRING),
          new Field<>(Metadata::immutable, Metadata.Builder::immutable, BOOL),
          new Field<>(Metadata::appMetadata, Metadata.Builder::appMetadata, STRING));

  private StoredValueCodec() {}

  /** Encodes a value. */
  public static byte[] encode(StoredValue v) {
    Metadata m = v.metadata();
    long present = v.value() == null ? 0 : 1;
    for (int i = 0; i < FIELDS.size(); i++) {
      if (FIELDS.get(i).getter.apply(m) != null) {
        present |= 1L << (i + 1);
      }
    }
    int guess = 16 + (v.value() == null ? 0 : v.value().length() * 3 / 2);
    ByteWriter w = new ByteWriter(guess).writeByte(VERSION).writeVarLong(present);
    if (v.value() != null) {
      w.writeString(v.value());
    }
    for (Field<?> f : FIELDS) {
      f.write(w, m);
    }
    return w.toByteArray();
  }

  /**
   * Decodes a value.
   *
   * @throws IllegalArgumentException when the bytes are not a value of a known version
   */
  public static StoredValue decode(byte[] bytes) {
    ByteReader r = new ByteReader(bytes, 0);
    int version = r.readByte();
    if (version != VERSION) {
      throw new IllegalArgumentException("unknown value format " + version);
    }
    long present = r.readVarLong();
    if ((present >>> (FIELDS.size() + 1)) != 0) {
      throw new IllegalArgumentException("unknown value fields");
    }
    String value = (present & 1) != 0 ? r.readString() : null;
    if (present >>> 1 == 0) {
      return new StoredValue(value, Metadata.EMPTY);
    }
    Metadata.Builder b = Metadata.builder();
    for (int i = 0; i < FIELDS.size(); i++) {
      if ((present & (1L << (i + 1))) != 0) {
        FIELDS.get(i).read(r, b);
      }
    }
    if (!r.atEnd()) {
      throw new IllegalArgumentException("trailing bytes in value");
    }
    return new StoredValue(value, b.build());
  }

  /** Normalises a value to what a store returns (instants truncated to milliseconds). */
  public static StoredValue normalise(StoredValue v) {
    return decode(encode(v));
  }

  private record Kind<T>(BiConsumer<ByteWriter, T> writer, Function<ByteReader, T> reader) {}

  private record Field<T>(
      Function<Metadata, T> getter, BiConsumer<Metadata.Builder, T> setter, Kind<T> kind) {
    void write(ByteWriter w, Metadata m) {
      T v = getter.apply(m);
      if (v != null) {
        kind.writer.accept(w, v);
      }
    }

    void read(ByteReader r, Metadata.Builder b) {
      setter.accept(b, kind.reader.apply(r));
    }
  }
}
