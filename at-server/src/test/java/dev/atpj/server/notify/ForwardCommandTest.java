package dev.atpj.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.command.CommandParser;
import dev.atpj.protocol.command.Notify;
import dev.atpj.protocol.key.Metadata;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The {@code notify} one atServer sends another (docs/protocol.md B11), in the reference's order.
 */
class ForwardCommandTest {
  private static final Instant T = Instant.ofEpochMilli(1_700_000_000_000L);

  @Test
  void metadataOptionsFollowTheReferenceFragmentOrderAndTtlnIsWhatIsLeft() {
    Notification n = NotificationsForTests.sent("6c1f", "phone.wavi", T);
    Notification withMetadata =
        NotificationsForTests.withValue(
            n,
            "c1pher",
            Metadata.builder()
                .ivNonce("AAAA")
                .ttr(-1L)
                .ccd(true)
                .sharedKeyEnc("c2tl")
                .ttl(1000L)
                .build());
    String line = ForwardCommand.render(withMetadata, T.plusMillis(10_000));
    assertThat(line)
        .isEqualTo(
            "notify:id:6c1f:update:messageType:key:notifier:SYSTEM:ttln:50000:ttl:1000:ttr:-1"
                + ":ccd:true:isEncrypted:true:sharedKeyEnc:c2tl:ivNonce:AAAA"
                + ":@bob:phone.wavi@alice:c1pher");
    Notify parsed = (Notify) new CommandParser().parse(line);
    assertThat(parsed.id()).isEqualTo("6c1f");
    assertThat(parsed.key().toString()).isEqualTo("@bob:phone.wavi@alice");
    assertThat(parsed.value()).isEqualTo("c1pher");
    assertThat(parsed.options().toMetadata().ivNonce()).isEqualTo("AAAA");
  }

  @Test
  void aTextMessageCarriesItsTextAndAnExpiredOneOneMillisecond() {
    Notification n = NotificationsForTests.sent("t1", "k", T);
    Notification text = NotificationsForTests.text(n, "@bob:hello there", "chat");
    assertThat(ForwardCommand.render(text, T.plusSeconds(3600)))
        .isEqualTo(
            "notify:id:t1:update:messageType:text:notifier:chat:ttln:1:isEncrypted:false"
                + ":@bob:hello there");
  }
}
