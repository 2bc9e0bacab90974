package dev.atpj.client.notify;

import static dev.atpj.client.vectors.Vectors.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atpj.client.data.DataCodec;
import dev.atpj.client.data.ProtocolVersion;
import dev.atpj.client.data.PublicKeys;
import dev.atpj.client.data.ScriptedSecondary;
import dev.atpj.client.data.SharedKeys;
import dev.atpj.client.keys.AtKeys;
import dev.atpj.client.vectors.Vectors;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.crypto.AtCrypto;
import org.junit.jupiter.api.Test;

/** The shapes of notification JSON the decoder accepts (docs/protocol.md B11, C9). */
class NotificationDecoderTest {
  private static final AtSign BOB = AtSign.parse("@bob");
  private static final AtKeys KEYS = Vectors.keys("@bob");
  private final ScriptedSecondary server =
      new ScriptedSecondary().answer("lookup:shared_key@alice", value("sharedKeyForBob"));
  private final NotificationDecoder decoder = decoder(server);

  private static NotificationDecoder decoder(ScriptedSecondary server) {
    AtCrypto crypto = new AtCrypto();
    PublicKeys publicKeys = new PublicKeys(BOB, () -> KEYS, server);
    SharedKeys shared =
        new SharedKeys(BOB, () -> KEYS, crypto, server, server, publicKeys, ProtocolVersion.V1_5);
    DataCodec codec =
        new DataCodec(
            BOB, () -> KEYS, crypto, ProtocolVersion.V1_5, server, server, shared, publicKeys);
    return new NotificationDecoder(BOB, codec, shared);
  }

  @Test
  void theReferenceShapeWithAnIvNonceIsDecrypted() {
    AtNotification n =
        decoder.decode(
            "{\"id\":\"7f\",\"from\":\"@alice\",\"to\":\"@bob\",\"key\":\"@bob:phone@alice\","
                + "\"value\":\""
                + value("sharedWithIv")
                + "\",\"operation\":\"update\",\"epochMillis\":1700000000000,"
                + "\"messageType\":\"MessageType.key\",\"isEncrypted\":true,"
                + "\"metadata\":{\"ivNonce\":\""
                + value("sharedIvNonce")
                + "\",\"ttr\":-1,\"expiresAt\":\"2030-01-01 00:00:00.000Z\"}}");
    assertThat(n.value()).isEqualTo(value("sharedPlaintext"));
    assertThat(n.epochMillis()).isEqualTo(1_700_000_000_000L);
    assertThat(n.metadata().ttr()).isEqualTo(-1L);
    assertThat(n.problem()).isNull();
  }

  @Test
  void lenientAboutTypesAndMissingParts() {
    AtNotification n =
        decoder.decode("{\"id\":42,\"key\":\"@bob:x@alice\",\"epochMillis\":\"17\"}");
    assertThat(n.id()).isEqualTo("42");
    assertThat(n.epochMillis()).isEqualTo(17);
    assertThat(n.operation()).isEqualTo(AtNotification.Operation.UPDATE);
    assertThat(n.value()).isNull();
    AtNotification deleted =
        decoder.decode(
            "{\"id\":\"d\",\"from\":\"@alice\",\"key\":\"@bob:x@alice\",\"operation\":\"delete\","
                + "\"value\":null,\"metadata\":null}");
    assertThat(deleted.operation()).isEqualTo(AtNotification.Operation.DELETE);
    AtNotification text =
        decoder.decode(
            "{\"id\":\"t\",\"from\":\"@alice\",\"key\":\"@bob:lunch at 1?\","
                + "\"messageType\":\"MessageType.text\"}");
    assertThat(text.text()).isTrue();
    assertThat(text.message()).isEqualTo("lunch at 1?");
    assertThat(server.sent()).isEmpty();
  }

  @Test
  void anUndecryptableValueIsDeliveredWithTheReason() {
    AtNotification n =
        decoder.decode(
            "{\"id\":\"b\",\"from\":\"@alice\",\"key\":\"@bob:x@alice\",\"value\":\"@@@\","
                + "\"isEncrypted\":true}");
    assertThat(n.value()).isNull();
    assertThat(n.problem()).startsWith("cannot decrypt");
  }

  @Test
  void somethingElseIsRefused() {
    assertThatThrownBy(() -> decoder.decode("[1]")).isInstanceOf(AtException.class);
    assertThatThrownBy(() -> decoder.decode("{\"id\":\"x\"}")).isInstanceOf(AtException.class);
    assertThatThrownBy(() -> decoder.decode("not json")).isInstanceOf(AtException.class);
  }
}
