package dev.atpj.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.cli.CliRunner;
import dev.atpj.cli.CliRunner.Result;
import dev.atpj.cli.common.ExitCodes;
import dev.atpj.client.keys.AtKeys;
import dev.atpj.client.keys.AtKeysFile;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.testing.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Client commands that fail before or while reaching a platform, without one running: files that
 * are not what they should be, and an atDirectory that accepts connections but never answers (as a
 * paused process does).
 */
class ClientFailuresTest {
  @TempDir Path dir;
  @TempDir static Path keysDir;

  private Result atp(String... args) {
    return new CliRunner(dir).run(args);
  }

  @Test
  void aCorruptKeysFileIsNamedWithExitCode3() throws IOException {
    Path keys = Files.writeString(dir.resolve("@alice_key.atKeys"), "this is not JSON\n");
    Result result = atp("get", "--root", "127.0.0.1:1", "--keys", keys.toString(), "phone");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(result.err())
        .startsWith("atp: " + keys.toAbsolutePath() + " is not a usable atKeys file")
        .doesNotContain("AT0014")
        .hasLineCount(1);
    Files.writeString(keys, "{\"aesPkamPublicKey\": 3}");
    Result fields = atp("keys", "show", "--root", "127.0.0.1:1", "--keys", keys.toString());
    assertThat(fields.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(fields.err()).contains(keys.toAbsolutePath().toString()).hasLineCount(1);
  }

  @Test
  void aFileThatIsNotPlatformJsonIsNamedInOneLine() throws IOException {
    Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
    Result result = atp("get", "--as", "@alice", "--platform", passwd.toString(), "phone");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(result.err())
        .startsWith("atp: " + passwd + " is not a platform.json of `atp up` (not JSON at line 1")
        .endsWith("); name another with --platform\n")
        .hasLineCount(1);
    Path array = Files.writeString(dir.resolve("array.json"), "[1, 2]");
    Result notObject = atp("scan", "--platform", array.toString());
    assertThat(notObject.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
    assertThat(notObject.err()).contains(array + " is not a platform.json").hasLineCount(1);
  }

  /**
   * Each command line names FILE: a file that is not what the option wants ({@code wrong}) and one
   * that does not exist ({@code missing}), where each is a mistake.
   */
  static Stream<Arguments> fileOptions() {
    String keys = "--keys=KEYS";
    String root = "127.0.0.1:1";
    return Stream.of(
        Arguments.of(List.of("get", "--root", root, keys, "--ca", "FILE", "phone"), BOTH),
        Arguments.of(List.of("lookup", "@alice", "--directory", root, "--ca", "FILE"), BOTH),
        Arguments.of(List.of("pki", "show", "FILE"), BOTH),
        Arguments.of(
            List.of("keys", "show", "--as", "@alice", "--root", root, "--keys", "FILE"), BOTH),
        Arguments.of(
            List.of("raw", "--root", root, keys, "--no-auth", "--script", "FILE"),
            List.of("missing")),
        Arguments.of(
            List.of("put", "--root", root, keys, "--replica", "FILE", "k", "v"), List.of("wrong")));
  }

  private static final List<String> BOTH = List.of("wrong", "missing");

  @ParameterizedTest
  @MethodSource("fileOptions")
  void aFileThatIsMissingOrWrongIsOneLineWithExitCode3(List<String> line, List<String> kinds)
      throws IOException {
    Path keys = validKeys();
    Path wrong = Files.writeString(dir.resolve("wrong.txt"), "not what it should be\n");
    for (String kind : kinds) {
      Path file = kind.equals("wrong") ? wrong : dir.resolve("missing.txt");
      String[] args =
          line.stream()
              .map(a -> a.replace("FILE", file.toString()).replace("KEYS", keys.toString()))
              .toArray(String[]::new);
      Result result = atp(args);
      assertThat(result.err()).as("%s %s", kind, line).contains(file.toString()).hasLineCount(1);
      assertThat(result.exitCode()).as("%s: %s", line, result.err()).isEqualTo(3);
    }
  }

  /** A valid keys file of @alice, made once for the class (RSA key generation is slow). */
  private static synchronized Path validKeys() {
    AtCrypto crypto = new AtCrypto();
    Path keys = keysDir.resolve("@alice_key.atKeys");
    if (!Files.exists(keys)) {
      new AtKeysFile(crypto).write(keys, AtSign.parse("@alice"), AtKeys.generate(crypto));
    }
    return keys;
  }

  @Test
  void timeoutIsTheDeadlineOfTheWholeCommand() throws Exception {
    Path keys = validKeys();
    TestPki pki = TestPki.create(dir.resolve("pki"));
    try (SilentServer silent = new SilentServer()) {
      String root = "127.0.0.1:" + silent.port();
      long start = System.nanoTime();
      Result result =
          atp(
              "get",
              "--root",
              root,
              "--keys",
              keys.toString(),
              "--ca",
              pki.caCertFile().toString(),
              "--timeout",
              "2s",
              "phone");
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.PROTOCOL_ERROR);
      assertThat(result.err())
          .startsWith("atp: AT0023 ")
          .contains("the atDirectory " + root)
          .doesNotContainIgnoringCase("secondary")
          .hasLineCount(1);
      // Three lookups of 2 s each took over 6 s before; the deadline ends it at 2 s.
      assertThat(tookMillis).as("milliseconds").isLessThan(4_000);
      assertThat(silent.accepted()).isNotEmpty();
    }
  }

  /** Accepts TCP connections and never writes a byte, like a stopped process's listening socket. */
  private static final class SilentServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    SilentServer() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(socket.accept());
                  }
                } catch (IOException e) {
                  // closed
                }
              },
              "silent-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    List<Socket> accepted() {
      return accepted;
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket s : accepted) {
        s.close();
      }
    }
  }
}
