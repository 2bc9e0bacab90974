package dev.atpj.server.notify;

import dev.atpj.protocol.command.MessageType;
import dev.atpj.protocol.command.Notify;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.protocol.key.MetadataField;
import dev.atpj.protocol.key.MetadataOption;
import dev.atpj.protocol.key.MetadataOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code notify} command one atServer sends another to deliver a notification (docs/protocol.md
 * B11): {@code notify:id:<id>:<op>:messageType:<mt>:notifier:<n>:ttln:<ms>[:ttl:..][:ttb:..]
 * [:ttr:..:ccd:..]:isEncrypted:<b>[...]:@<to>:<key>@<from>[:<value>]}, the metadata options in the
 * reference's fragment order (which its parser requires). The ttln sent is what is left of the
 * notification's life, so it expires at about the same time on both sides.
 */
final class ForwardCommand {
  private ForwardCommand() {}

  static String render(Notification n, Instant now) {
    long remaining = Math.max(1, n.expiresAt().toEpochMilli() - now.toEpochMilli());
    MetadataOptions options = options(n.metadata(), n.encrypted());
    boolean text = n.messageType() == MessageType.TEXT;
    return new Notify(
            n.id(),
            n.operation(),
            text ? MessageType.TEXT : MessageType.KEY,
            null,
            null,
            null,
            n.notifier(),
            remaining,
            options,
            n.to(),
            text ? null : AtKey.parse(n.key()),
            text ? n.key().substring(n.to().toString().length() + 1) : null,
            text ? null : n.value())
        .render();
  }

  /** The set metadata fields as options, in {@link MetadataField} (the reference's) order. */
  static MetadataOptions options(Metadata m, boolean encrypted) {
    List<MetadataOption> options = new ArrayList<>();
    add(options, MetadataField.TTL, m.ttl());
    add(options, MetadataField.TTB, m.ttb());
    add(options, MetadataField.TTR, m.ttr());
    add(options, MetadataField.CCD, m.ccd());
    add(options, MetadataField.DATA_SIGNATURE, m.dataSignature());
    add(options, MetadataField.SHARED_KEY_STATUS, m.sharedKeyStatus());
    add(options, MetadataField.IS_BINARY, m.isBinary());
    add(options, MetadataField.IS_ENCRYPTED, encrypted);
    add(options, MetadataField.SHARED_KEY_ENC, m.sharedKeyEnc());
    add(options, MetadataField.PUB_KEY_CS, m.pubKeyCS());
    add(options, MetadataField.PUB_KEY_HASH, m.pubKeyHash());
    add(options, MetadataField.HASHING_ALGO, m.hashingAlgo());
    add(options, MetadataField.ENCODING, m.encoding());
    add(options, MetadataField.ENC_KEY_NAME, m.encKeyName());
    add(options, MetadataField.ENC_ALGO, m.encAlgo());
    add(options, MetadataField.IV_NONCE, m.ivNonce());
    add(options, MetadataField.SKE_ENC_KEY_NAME, m.skeEncKeyName());
    add(options, MetadataField.SKE_ENC_ALGO, m.skeEncAlgo());
    add(options, MetadataField.IMMUTABLE, m.immutable());
    add(
        options,
        MetadataField.APP_METADATA,
        m.appMetadata() == null ? null : MetadataField.encodeAppMetadata(m.appMetadata()));
    return new MetadataOptions(options);
  }

  private static void add(List<MetadataOption> options, MetadataField field, Object value) {
    if (value != null) {
      options.add(new MetadataOption(field, value.toString()));
    }
  }
}
