package dev.atpj.protocol.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReplyParserTest {
  private final ReplyParser parser = new ReplyParser();
  private final ReplyRenderer renderer = new ReplyRenderer();

  @Test
  void data() {
    assertThat(parser.parse("data:18")).isEqualTo(new DataReply("18"));
    assertThat(parser.parse("@data:success")).isEqualTo(new DataReply("success"));
    assertThat(parser.parse("@alice@data:success")).isEqualTo(new DataReply("success"));
    assertThat(parser.parse("@🛠x@data:a:b error:c")).isEqualTo(new DataReply("a:b error:c"));
    assertThat(parser.parse("data:null\r")).isEqualTo(new DataReply("null"));
    assertThat(((DataReply) parser.parse("data:null")).isNull()).isTrue();
    assertThat(parser.parse("data: [1]")).isEqualTo(new DataReply(" [1]"));
    assertThat(parser.data("@realisticforeign@data:tiger@example.com"))
        .isEqualTo("tiger@example.com");
  }

  @Test
  void errorsInEveryFormat() {
    assertThat(parser.parse("error:AT0015-key not found : foo@alice does not exist"))
        .isEqualTo(new ErrorReply(AtErrorCode.KEY_NOT_FOUND, "foo@alice does not exist"));
    assertThat(parser.parse("@alice@error:AT0015:Key not found"))
        .isEqualTo(new ErrorReply(AtErrorCode.KEY_NOT_FOUND, "Key not found"));
    assertThat(parser.parse("error:AT0401-Exception: Command cannot be executed without auth"))
        .isEqualTo(
            new ErrorReply(
                AtErrorCode.UNAUTHENTICATED, "Exception: Command cannot be executed without auth"));
    assertThat(
            parser.parse(
                "@error:{\"errorCode\":\"AT0016\",\"errorDescription\":\"Invalid key : bad\"}"))
        .isEqualTo(new ErrorReply(AtErrorCode.INVALID_KEY, "bad"));
    assertThat(parser.parse("error:AT0015-key not found"))
        .isEqualTo(new ErrorReply(AtErrorCode.KEY_NOT_FOUND, ""));
    assertThat(parser.parse("error:AT0099-something new"))
        .isEqualTo(new ErrorReply(AtErrorCode.SERVER_EXCEPTION, "AT0099: something new"));
    assertThat(parser.parse("error:{broken"))
        .isEqualTo(new ErrorReply(AtErrorCode.SERVER_EXCEPTION, "{broken"));
  }

  @Test
  void dataThrowsTheServersError() {
    assertThatThrownBy(() -> parser.data("@alice@error:AT0015-key not found : x@alice"))
        .isInstanceOfSatisfying(
            AtException.class,
            e -> {
              assertThat(e.code()).isEqualTo(AtErrorCode.KEY_NOT_FOUND);
              assertThat(e.detail()).isEqualTo("x@alice");
            });
  }

  @Test
  void notifications() {
    assertThat(parser.parse("notification: {\"id\":\"1\"}"))
        .isEqualTo(new NotificationReply("{\"id\":\"1\"}"));
    assertThat(parser.parse("@alice@notification:{}")).isEqualTo(new NotificationReply("{}"));
    assertThatThrownBy(() -> parser.data("notification: {}")).isInstanceOf(AtException.class);
  }

  @Test
  void notAReply() {
    for (String bad :
        new String[] {"", "@", "@alice@", "hello", "x data:1", "@a b@data:1", "DATA:1"}) {
      assertThatThrownBy(() -> parser.parse(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              AtException.class, e -> assertThat(e.code()).isEqualTo(AtErrorCode.CLIENT_EXCEPTION));
    }
    assertThatThrownBy(() -> parser.parse(null)).isInstanceOf(AtException.class);
  }

  @ParameterizedTest
  @EnumSource(AtErrorCode.class)
  void readsBackWhatTheRendererWrites(AtErrorCode code) {
    for (ErrorFormat format : ErrorFormat.values()) {
      String line = renderer.error(new AtException(code, "detail: with - dashes"), format);
      assertThat(parser.parse("@alice@" + line))
          .as(line)
          .isEqualTo(new ErrorReply(code, "detail: with - dashes"));
    }
  }

  @Test
  void everyLeadingPromptIsStripped() {
    assertThat(ReplyParser.stripPrompt("data:x")).isEqualTo("data:x");
    assertThat(ReplyParser.stripPrompt("@data:x")).isEqualTo("data:x");
    assertThat(ReplyParser.stripPrompt("@bob@data:x")).isEqualTo("data:x");
    assertThat(ReplyParser.stripPrompt("@@bob@data:x")).as("after pol").isEqualTo("data:x");
    assertThat(ReplyParser.stripPrompt("@error:AT0015-x : y")).isEqualTo("error:AT0015-x : y");
    assertThat(ReplyParser.stripPrompt("@bob@")).isEqualTo("@bob@");
    assertThat(ReplyParser.stripPrompt("@@@")).isEqualTo("@@@");
    assertThat(ReplyParser.stripPrompt("@not a prompt@data:x")).isEqualTo("@not a prompt@data:x");
  }
}
