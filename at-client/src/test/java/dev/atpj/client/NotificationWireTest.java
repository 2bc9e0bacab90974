package dev.atpj.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.client.data.ProtocolVersion;
import dev.atpj.client.notify.AtNotification;
import dev.atpj.client.notify.Subscription;
import dev.atpj.client.notify.SubscriptionOptions;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.testing.Await;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.TestPkiExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications end to end on real atServers: alice's shared update reaches bob's subscription
 * decrypted (the atServer notifies by itself), explicit {@code notify} in both protocol versions,
 * text messages, and nothing lost or repeated when bob's atServer restarts under a subscription.
 */
@ExtendWith(TestPkiExtension.class)
class NotificationWireTest {
  private static final Duration LONG = Duration.ofSeconds(60);

  @TempDir static Path data;
  private static TestPlatform platform;
  private static AtClient alice;
  private static AtClient alice2;
  private static AtClient bob;

  @BeforeAll
  static void start(TestPki pki) {
    platform = new TestPlatform(pki, data, "@alice", "@bob");
    alice = platform.client("@alice").build();
    alice2 = platform.client("@alice").protocol(ProtocolVersion.V2_0).build();
    bob = platform.client("@bob").build();
  }

  @AfterAll
  static void stop() {
    if (alice != null) {
      alice.close();
      alice2.close();
      bob.close();
    }
    platform.close();
  }

  private static List<AtNotification> inbox(Subscription[] holder, String regex) {
    List<AtNotification> got = new CopyOnWriteArrayList<>();
    holder[0] = bob.subscribe(SubscriptionOptions.defaults().withRegex(regex), got::add);
    return got;
  }

  private static AtNotification awaitKey(List<AtNotification> got, String key, String value) {
    return Await.untilPresent(
        () ->
            got.stream()
                .filter(n -> n.key().equals(key) && java.util.Objects.equals(n.value(), value))
                .findFirst(),
        LONG,
        key + " = " + value);
  }

  @Test
  void alicesSharedUpdateReachesBobsSubscriptionDecrypted() {
    Subscription[] s = new Subscription[1];
    List<AtNotification> got = inbox(s, "\\.auto@alice");
    try {
      alice.put(AtKey.parse("@bob:phone.auto"), "+1 555 0100");
      AtNotification n = awaitKey(got, "@bob:phone.auto@alice", "+1 555 0100");
      assertThat(n.from()).isEqualTo(AtSign.parse("@alice"));
      assertThat(n.operation()).isEqualTo(AtNotification.Operation.UPDATE);
      assertThat(n.encrypted()).isTrue();
      alice.put(AtKey.parse("@bob:phone.auto"), "+1 555 0199");
      awaitKey(got, "@bob:phone.auto@alice", "+1 555 0199");
      alice.delete(AtKey.parse("@bob:phone.auto"));
      Await.until(
          () ->
              got.stream()
                  .anyMatch(
                      x ->
                          x.key().equals("@bob:phone.auto@alice")
                              && x.operation() == AtNotification.Operation.DELETE),
          LONG,
          "a delete notification");
    } finally {
      s[0].close();
    }
  }

  @Test
  void explicitNotificationsAreDecryptedInBothProtocolVersions() {
    Subscription[] s = new Subscription[1];
    List<AtNotification> got = inbox(s, "\\.explicit@alice|^alice$");
    try {
      String id = alice.notify(AtKey.parse("@bob:msg.explicit"), "hello from 1.5");
      awaitKey(got, "@bob:msg.explicit@alice", "hello from 1.5");
      alice2.notify(AtKey.parse("@bob:msg2.explicit"), "hello from 2.0");
      AtNotification v2 = awaitKey(got, "@bob:msg2.explicit@alice", "hello from 2.0");
      assertThat(v2.metadata().ivNonce()).isNotNull();
      Await.until(() -> "delivered".equals(alice.notificationStatus(id)), LONG, "delivered status");
      alice.notifyText(AtSign.parse("@bob"), "lunch?");
      AtNotification text =
          Await.untilPresent(
              () -> got.stream().filter(AtNotification::text).findFirst(), LONG, "a text");
      assertThat(text.message()).isEqualTo("lunch?");
    } finally {
      s[0].close();
    }
  }

  @Test
  void nothingIsLostOrRepeatedWhenBobsAtServerRestartsUnderTheSubscription() {
    List<AtNotification> got = new CopyOnWriteArrayList<>();
    SubscriptionOptions options =
        SubscriptionOptions.defaults()
            .withRegex("\\.gap@alice")
            .withTiming(Duration.ofSeconds(1), Duration.ofMillis(500));
    try (Subscription s = bob.subscribe(options, got::add)) {
      Set<String> sent = new HashSet<>();
      for (int i = 0; i < 3; i++) {
        sent.add(alice.notify(AtKey.parse("@bob:n" + i + ".gap"), "before " + i));
      }
      Await.until(() -> ids(got).containsAll(sent), LONG, "the first three");
      platform.restart("@bob");
      List<String> during = new ArrayList<>();
      for (int i = 3; i < 8; i++) {
        during.add(alice.notify(AtKey.parse("@bob:n" + i + ".gap"), "after " + i));
      }
      sent.addAll(during);
      Await.until(() -> ids(got).containsAll(sent), LONG, "all eight, across the restart");
      assertThat(s.connections()).isGreaterThanOrEqualTo(2);
      assertThat(got).extracting(AtNotification::id).doesNotHaveDuplicates();
      assertThat(got.stream().filter(n -> n.value() != null && n.value().startsWith("after")))
          .hasSize(5);
    }
  }

  private static Set<String> ids(List<AtNotification> got) {
    return got.stream().map(AtNotification::id).collect(Collectors.toSet());
  }
}
