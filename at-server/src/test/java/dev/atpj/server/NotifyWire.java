package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.testing.WireClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Monitor and notification helpers for wire tests (docs/protocol.md B11, C9). */
final class NotifyWire {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private NotifyWire() {}

  /**
   * A server of the shared fixture for notification tests ({@code @ann}, {@code @ben}, {@code
   * @cid}), started at first use with default notification settings (autoNotify on). The
   * fixture's {@code @alice}, {@code @bob} and {@code @carol} run without autoNotify, so that
   * pushed copies do not disturb the lookup-cache tests, and notification traffic does not change
   * their connection counts.
   */
  static synchronized AtServer server(MultiServerFixture fixture, String atSign) {
    AtServer server = fixture.server(atSign);
    return server != null ? server : fixture.start(atSign);
  }

  /** An owner connection of a server that sent {@code command} (a monitor; no reply). */
  static WireClient monitor(MultiServerFixture fixture, AtServer server, String command) {
    WireClient client = fixture.owner(server);
    client.send(command);
    return client;
  }

  /** Reads the next line, which must be a notification, and parses its JSON. */
  static JsonNode next(WireClient monitor) {
    return parse(monitor.readLine());
  }

  /** Reads {@code count} notifications. */
  static List<JsonNode> next(WireClient monitor, int count) {
    List<JsonNode> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      all.add(next(monitor));
    }
    return all;
  }

  /** The JSON of a {@code notification: {json}} line. */
  static JsonNode parse(String line) {
    assertThat(line).startsWith("notification: {");
    return json(line.substring("notification: ".length()));
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends {@code noop:0} and reads up to its {@code data:ok}: every line before it was pushed to
   * the monitor before the heartbeat was answered.
   *
   * @return the notification lines that arrived first
   */
  static List<String> untilHeartbeat(WireClient monitor) {
    monitor.send("noop:0");
    List<String> before = new ArrayList<>();
    while (true) {
      String line = monitor.readLine();
      if (line.equals("data:ok")) {
        return before;
      }
      before.add(line);
    }
  }

  /** Only the notifications that are not stats notifications. */
  static List<JsonNode> withoutStats(List<String> lines) {
    List<JsonNode> out = new ArrayList<>();
    for (String line : lines) {
      JsonNode n = parse(line);
      if (!n.get("id").asText().equals("-1")) {
        out.add(n);
      }
    }
    return out;
  }

  /**
   * A connection to {@code target} authenticated as {@code peer} by {@code from}/{@code pol} done
   * by hand: the proof is signed with the peer server's signing key and placed on the peer server.
   */
  static WireClient polAs(MultiServerFixture fixture, AtServer peer, AtServer target) {
    String atSign = peer.atSign().toString();
    WireClient client = fixture.connectAs(fixture.hostOf(atSign), target);
    try (WireClient peerOwner = fixture.owner(peer)) {
      String proof = client.command("from:" + atSign).substring("data:proof:".length());
      String cookieKey = proof.substring(0, proof.lastIndexOf(':'));
      String secret = proof.substring(proof.lastIndexOf(':') + 1);
      String signature = new AtCrypto().sign(secret, fixture.signingKeyOf(peer));
      assertThat(peerOwner.command("update:public:" + cookieKey + " " + signature))
          .isEqualTo("data:-1");
    }
    client.send("pol");
    assertThat(client.readPrompt()).isEqualTo(atSign + "@");
    return client;
  }
}
