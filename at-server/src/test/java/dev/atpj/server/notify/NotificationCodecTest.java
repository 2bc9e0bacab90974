package dev.atpj.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.MessageType;
import dev.atpj.protocol.command.NotifyOperation;
import dev.atpj.protocol.command.NotifyPriority;
import dev.atpj.protocol.command.NotifyStrategy;
import dev.atpj.protocol.key.Metadata;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationCodecTest {
  private static final Instant T = Instant.ofEpochMilli(1_700_000_000_123L);

  @Test
  void everyFieldSurvivesTheRecordBytes() {
    Notification n =
        new Notification(
            "id-1",
            NotificationKind.RECEIVED,
            AtSign.parse("@alice"),
            AtSign.parse("@bob"),
            "@bob:phone.wavi@alice",
            "ciphertext with spaces, ünïcode and : colons",
            NotifyOperation.DELETE,
            MessageType.KEY,
            NotifyPriority.HIGH,
            NotifyStrategy.LATEST,
            3,
            "wavi",
            900_000,
            T,
            NotificationStatus.DELIVERED,
            7,
            true,
            Metadata.builder().ttr(-1L).ccd(true).ivNonce("AAAA").ttl(5000L).build());
    byte[] bytes = NotificationCodec.encode(n);
    assertThat(NotificationCodec.kind(bytes)).isEqualTo(NotificationKind.RECEIVED);
    assertThat(NotificationCodec.status(bytes)).isEqualTo(NotificationStatus.DELIVERED);
    assertThat(NotificationCodec.decode("id-1", T, bytes)).isEqualTo(n);
  }

  @Test
  void absentValueAndMetadataStayAbsent() {
    Notification n = NotificationsForTests.sent("id-2", "k", T);
    Notification bare = NotificationsForTests.text(n, "@bob:hello", n.notifier());
    Notification decoded = NotificationCodec.decode("id-2", T, NotificationCodec.encode(bare));
    assertThat(decoded.value()).isNull();
    assertThat(decoded.metadata()).isEqualTo(Metadata.EMPTY);
    assertThat(decoded).isEqualTo(bare);
  }

  @Test
  void statusAtReadsExpiryFromTheTime() {
    Notification n = NotificationsForTests.sent("id-3", "k", T);
    assertThat(n.statusAt(T.plusMillis(59_999))).isEqualTo(NotificationStatus.QUEUED);
    assertThat(n.statusAt(T.plusMillis(60_000))).isEqualTo(NotificationStatus.EXPIRED);
    assertThat(n.withStatus(NotificationStatus.DELIVERED).statusAt(T.plusSeconds(3600)))
        .isEqualTo(NotificationStatus.DELIVERED);
  }
}
