package dev.atpj.server.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import org.junit.jupiter.api.Test;

class PeerRepliesTest {
  private static final AtSign ALICE = AtSign.parse("@alice");

  @Test
  void requestErrorsAreRelayedOthersBecomeAt0001() {
    assertThat(PeerReplies.data("@bob@data:v", ALICE)).isEqualTo("v");
    assertThatThrownBy(() -> PeerReplies.data("@error:AT0015-key not found : k", ALICE))
        .isInstanceOfSatisfying(
            AtException.class, e -> assertThat(e.code()).isEqualTo(AtErrorCode.KEY_NOT_FOUND));
    assertThatThrownBy(() -> PeerReplies.data("error:AT0013-Connection Exception : no", ALICE))
        .isInstanceOfSatisfying(
            AtException.class,
            e -> {
              assertThat(e.code()).isEqualTo(AtErrorCode.SERVER_EXCEPTION);
              assertThat(e.detail()).contains("@alice", "AT0013");
            });
    assertThatThrownBy(() -> PeerReplies.data("error:AT0401-Exception: x", ALICE))
        .isInstanceOfSatisfying(
            AtException.class, e -> assertThat(e.code()).isEqualTo(AtErrorCode.SERVER_EXCEPTION));
  }
}
