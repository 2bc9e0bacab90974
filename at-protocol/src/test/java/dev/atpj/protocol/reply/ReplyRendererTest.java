package dev.atpj.protocol.reply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import org.junit.jupiter.api.Test;

class ReplyRendererTest {
  private final ReplyRenderer renderer = new ReplyRenderer();

  @Test
  void data() {
    assertThat(renderer.data("18")).isEqualTo("data:18");
    assertThat(renderer.data(null)).isEqualTo("data:null");
    assertThat(renderer.data("")).isEqualTo("data:");
    assertThat(renderer.data("proof:_x@bob:1")).isEqualTo("data:proof:_x@bob:1");
    assertThat(renderer.data("data:stored")).isEqualTo("data:data:stored");
    assertThat(renderer.data("[\"a@b\"]")).isEqualTo("data:[\"a@b\"]");
  }

  @Test
  void statsAndNotifications() {
    assertThat(renderer.statsData("[{\"id\":\"3\"}]")).isEqualTo("data: [{\"id\":\"3\"}]");
    assertThat(renderer.notification("{\"id\":\"1\"}")).isEqualTo("notification: {\"id\":\"1\"}");
  }

  @Test
  void legacyErrors() {
    assertThat(
            renderer.error(
                new AtException(AtErrorCode.KEY_NOT_FOUND, "foo@alice does not exist in keystore"),
                ErrorFormat.LEGACY_TEXT))
        .isEqualTo("error:AT0015-key not found : foo@alice does not exist in keystore");
    assertThat(
            renderer.error(
                AtErrorCode.UNAUTHENTICATED,
                "Certificate Verification Failed",
                ErrorFormat.LEGACY_TEXT))
        .isEqualTo("error:AT0401-Client authentication failed : Certificate Verification Failed");
  }

  @Test
  void emptyDetailStillHasTheSeparator() {
    assertThat(renderer.error(AtErrorCode.INVALID_SYNTAX, "", ErrorFormat.LEGACY_TEXT))
        .isEqualTo("error:AT0003-Invalid syntax : Invalid syntax");
    assertThat(renderer.error(AtErrorCode.INVALID_SYNTAX, null, ErrorFormat.LEGACY_TEXT))
        .isEqualTo("error:AT0003-Invalid syntax : Invalid syntax");
    assertThat(renderer.error(AtErrorCode.KEY_NOT_FOUND, " \r\n ", ErrorFormat.LEGACY_TEXT))
        .isEqualTo("error:AT0015-key not found : key not found");
  }

  @Test
  void jsonErrors() {
    assertThat(
            renderer.error(
                new AtException(AtErrorCode.KEY_NOT_FOUND, "say \"hi\" \\ there"),
                ErrorFormat.JSON))
        .isEqualTo(
            "error:{\"errorCode\":\"AT0015\","
                + "\"errorDescription\":\"key not found : say \\\"hi\\\" \\\\ there\"}");
    assertThat(renderer.error(AtErrorCode.INVALID_KEY, "", ErrorFormat.JSON))
        .isEqualTo(
            "error:{\"errorCode\":\"AT0016\",\"errorDescription\":\"Invalid key : Invalid key\"}");
  }

  @Test
  void sanitisesDetails() {
    String line =
        renderer.error(
            AtErrorCode.INVALID_SYNTAX,
            "a\r\nb\u0000c\u2028d\u0085e data:x \uD800 🛠",
            ErrorFormat.LEGACY_TEXT);
    assertThat(line).isEqualTo("error:AT0003-Invalid syntax : a  b c d e data :x ? 🛠");
    assertThat(line).doesNotContain("data:").doesNotContain("\n").doesNotContain("\r");
    String json = renderer.error(AtErrorCode.INVALID_SYNTAX, "x\ny data:z", ErrorFormat.JSON);
    assertThat(json).doesNotContain("\n").doesNotContain("data:z").contains("data :z");
  }

  @Test
  void capsLongDetailsWithoutSplittingSurrogatePairs() {
    String line =
        renderer.error(AtErrorCode.INVALID_SYNTAX, "x".repeat(10_000), ErrorFormat.LEGACY_TEXT);
    String prefix = "error:AT0003-Invalid syntax : ";
    assertThat(line).hasSize(prefix.length() + ReplyRenderer.MAX_DETAIL_LENGTH + 3).endsWith("...");
    String emoji =
        renderer.error(AtErrorCode.INVALID_SYNTAX, "x" + "🛠".repeat(400), ErrorFormat.LEGACY_TEXT);
    String detail = emoji.substring(prefix.length(), emoji.length() - 3);
    assertThat(detail).hasSize(499);
    assertThat(Character.isHighSurrogate(detail.charAt(detail.length() - 1))).isFalse();
  }
}
