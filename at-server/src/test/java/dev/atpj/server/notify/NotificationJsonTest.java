package dev.atpj.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.Metadata;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The monitor JSON (docs/protocol.md B11, C9) and the stats notification. */
class NotificationJsonTest {
  private static final Instant T = Instant.ofEpochMilli(1_700_000_000_000L);

  @Test
  void monitorShapeHasTheReferenceFieldsWithTypesAtJavaReads() {
    Notification n = NotificationsForTests.sent("6c1f", "phone", T);
    Notification received =
        NotificationsForTests.received(
            n, "c1pher", Metadata.builder().ttr(-1L).ivNonce("AAAA").dataSignature("c2ln").build());
    assertThat(NotificationJson.monitor(received))
        .isEqualTo(
            "{\"id\":\"6c1f\",\"from\":\"@alice\",\"to\":\"@bob\",\"key\":\"@bob:phone@alice\","
                + "\"value\":\"c1pher\",\"operation\":\"update\",\"epochMillis\":1700000000000,"
                + "\"messageType\":\"MessageType.key\",\"isEncrypted\":true,"
                + "\"metadata\":{\"dataSignature\":\"c2ln\",\"ivNonce\":\"AAAA\","
                + "\"expiresAt\":\"2023-11-14 22:14:20.000Z\"}}");
  }

  @Test
  void withoutValueTheValueIsNullAndMetadataStillAnObject() {
    Notification n = NotificationsForTests.sent("x", "k", T);
    Notification bare = NotificationsForTests.withValue(n, null, null);
    assertThat(NotificationJson.monitor(bare))
        .contains("\"value\":null,")
        .contains("\"metadata\":{\"expiresAt\":");
  }

  @Test
  void statsNotificationCarriesTheCommitIdAsAString() {
    assertThat(NotificationJson.stats(AtSign.parse("@bob"), 42, 1_700_000_000_000L))
        .isEqualTo(
            "{\"id\":\"-1\",\"from\":\"@bob\",\"to\":\"@bob\",\"key\":\"statsNotification.@bob\","
                + "\"value\":\"42\",\"operation\":\"update\",\"epochMillis\":1700000000000,"
                + "\"messageType\":\"MessageType.key\",\"isEncrypted\":false}");
  }
}
