package dev.atpj.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.testing.Await;
import dev.atpj.testing.TestPki;
import dev.atpj.testing.TestPkiExtension;
import dev.atpj.testing.WireClient;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The atDirectory over real TLS: docs/protocol.md B4, C2 and Part A §7. */
@ExtendWith(TestPkiExtension.class)
class DirectoryWireTest {
  private static DirectoryFixture fixture;
  private static DirectoryServer directory;
  private static final InMemoryDirectoryRegistry REGISTRY = new InMemoryDirectoryRegistry();

  @BeforeAll
  static void start(TestPki pki) {
    fixture = new DirectoryFixture(pki);
    REGISTRY.put(AtSign.parse("@alice"), HostPort.parse("127.0.0.2:47001"));
    REGISTRY.put(AtSign.parse("@bob"), HostPort.parse("127.0.0.3:47002"));
    REGISTRY.put(AtSign.parse("@colin🦄"), HostPort.parse("atsign.example.com:6464"));
    directory = fixture.start(REGISTRY);
  }

  @AfterAll
  static void stop() {
    directory.close();
    fixture.close();
  }

  @Test
  void answersHostAndPortForNamesWithOrWithoutAtInAnyLatinCase() {
    try (WireClient client = fixture.connect(directory)) {
      assertThat(client.command("alice")).isEqualTo("127.0.0.2:47001");
      assertThat(client.command("@alice")).isEqualTo("127.0.0.2:47001");
      assertThat(client.command("@ALICE")).isEqualTo("127.0.0.2:47001");
      assertThat(client.command("Bob")).isEqualTo("127.0.0.3:47002");
      assertThat(client.command("@colin🦄")).isEqualTo("atsign.example.com:6464");
      assertThat(client.lastPrompt()).isEqualTo("@");
    }
  }

  @Test
  void repliesEndWithCrlfThenTheBarePrompt() throws Exception {
    try (SSLSocket socket = rawSocket()) {
      InputStream in = socket.getInputStream();
      assertThat(readExactly(in, 1)).isEqualTo("@");
      socket.getOutputStream().write("alice\nnobody\n".getBytes(StandardCharsets.UTF_8));
      String expected = "127.0.0.2:47001\r\n@null\r\n@";
      assertThat(readExactly(in, expected.length())).isEqualTo(expected);
    }
  }

  @Test
  void exitClosesTheConnection() {
    try (WireClient client = fixture.connect(directory)) {
      assertThat(client.command("alice")).isEqualTo("127.0.0.2:47001");
      client.send("@exit");
      assertThat(client.isClosedByServer(Duration.ofSeconds(10))).isTrue();
    }
  }

  @Test
  void pipelinedLookupsAreAnsweredInOrder() {
    try (WireClient client = fixture.connect(directory)) {
      client.sendRaw("alice\nbob\n@colin🦄\nALICE\r\n".getBytes(StandardCharsets.UTF_8));
      assertThat(
              List.of(
                  client.readReply(), client.readReply(), client.readReply(), client.readReply()))
          .containsExactly(
              "127.0.0.2:47001", "127.0.0.3:47002", "atsign.example.com:6464", "127.0.0.2:47001");
    }
  }

  @Test
  void overLongLinesGetAnErrorAndCloseButTheServerKeepsAnswering() {
    try (WireClient client = fixture.connect(directory)) {
      client.send("a".repeat(300));
      assertThat(client.readLine()).startsWith("error:AT0005-");
      assertThat(client.isClosedByServer(Duration.ofSeconds(10))).isTrue();
    }
    try (WireClient client = fixture.connect(directory)) {
      assertThat(client.command("alice")).isEqualTo("127.0.0.2:47001");
    }
  }

  @Test
  void invalidUtf8GetsAnErrorAndTheConnectionStaysUsable() {
    try (WireClient client = fixture.connect(directory)) {
      client.sendRaw(new byte[] {'a', (byte) 0xFF, (byte) 0xFE, '\n'});
      assertThat(client.readReply()).startsWith("error:AT0003-").contains(" : ");
      assertThat(client.command("bob")).isEqualTo("127.0.0.3:47002");
    }
  }

  @Test
  void invalidNamesAreUnknown() {
    try (WireClient client = fixture.connect(directory)) {
      assertThat(client.command("ali ce")).isEqualTo("null");
    }
  }

  @Test
  void aThousandConnectionsOpenedAndClosedLeaveTheServerHealthy() {
    for (int i = 0; i < 1000; i++) {
      try (Socket socket = new Socket(DirectoryFixture.HOST, directory.port())) {
        socket.setSoLinger(true, 0);
      } catch (Exception e) {
        throw new AssertionError("connection " + i + " failed", e);
      }
    }
    for (int i = 0; i < 20; i++) {
      try (WireClient client = fixture.connect(directory)) {
        assertThat(client.command("alice")).isEqualTo("127.0.0.2:47001");
      }
    }
    Await.until(() -> directory.activeConnections() == 0, "every connection to be released");
  }

  @Test
  void aClientThatSendsNothingDoesNotBlockOthers() throws Exception {
    List<Socket> silent = new ArrayList<>();
    try {
      for (int i = 0; i < 50; i++) {
        silent.add(new Socket(DirectoryFixture.HOST, directory.port()));
      }
      try (WireClient idle = fixture.connect(directory);
          WireClient busy = fixture.connect(directory)) {
        assertThat(busy.command("alice")).isEqualTo("127.0.0.2:47001");
        assertThat(idle.command("bob")).isEqualTo("127.0.0.3:47002");
      }
    } finally {
      for (Socket socket : silent) {
        socket.close();
      }
    }
  }

  private SSLSocket rawSocket() throws Exception {
    SSLSocket socket =
        (SSLSocket)
            fixture
                .pki()
                .clientContext()
                .getSocketFactory()
                .createSocket(DirectoryFixture.HOST, directory.port());
    socket.setSoTimeout(10_000);
    socket.startHandshake();
    return socket;
  }

  private static String readExactly(InputStream in, int chars) throws Exception {
    byte[] buffer = new byte[chars];
    int read = 0;
    while (read < chars) {
      int n = in.read(buffer, read, chars - read);
      if (n < 0) {
        break;
      }
      read += n;
    }
    return new String(Arrays.copyOf(buffer, read), StandardCharsets.UTF_8);
  }
}
