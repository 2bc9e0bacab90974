package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.testing.Await;
import dev.atpj.testing.WireClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code notify:list <regex>} matches the client's regex with a budget, off the event loops: a
 * regex with catastrophic backtracking is refused with AT0022 while other connections are served.
 */
@ExtendWith(SharedPeerFixture.class)
class NotifyListRegexWireTest {
  private static final String KEY = "a".repeat(28) + "b";
  private static MultiServerFixture fixture;
  private static AtServer ann;
  private static AtServer ben;

  @BeforeAll
  static void start(MultiServerFixture shared) {
    fixture = shared;
    ann = NotifyWire.server(fixture, "@ann");
    ben = NotifyWire.server(fixture, "@ben");
  }

  @Test
  void aCatastrophicListRegexIsRefusedWithinTheBudget() {
    try (WireClient annOwner = fixture.owner(ann);
        WireClient benOwner = fixture.owner(ben);
        WireClient bystander = fixture.owner(ben)) {
      String id = annOwner.command("notify:@ben:" + KEY + ".nlr@ann:v").substring(5);
      Await.until(
          () -> annOwner.command("notify:status:" + id).equals("data:delivered"), "delivered");
      benOwner.send("notify:list ((a+)+)+$");
      assertThat(bystander.command("noop:0")).isEqualTo("data:ok");
      assertThat(benOwner.readReply()).startsWith("error:AT0022");
      assertThat(benOwner.command("notify:list \\.nlr@")).contains(id);
    }
  }
}
