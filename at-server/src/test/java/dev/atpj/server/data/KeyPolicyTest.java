package dev.atpj.server.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.AtKey;
import org.junit.jupiter.api.Test;

class KeyPolicyTest {
  private static final AtSign ALICE = AtSign.parse("@alice");
  private final KeyPolicy policy = new KeyPolicy(ALICE);

  private static AtErrorCode code(Runnable r) {
    try {
      r.run();
      return null;
    } catch (AtException e) {
      return e.code();
    }
  }

  @Test
  void updateFillsInTheOwnerAndRefusesOtherTypes() {
    assertThat(policy.forUpdate(AtKey.parse("phone")).toString()).isEqualTo("phone@alice");
    assertThat(policy.forUpdate(AtKey.parse("@bob:phone")).toString())
        .isEqualTo("@bob:phone@alice");
    assertThat(policy.forUpdate(AtKey.parse("@alice:phone")).toString())
        .isEqualTo("@alice:phone@alice");
    assertThat(policy.forUpdate(AtKey.parse("privatekey:at_secret")).toString())
        .isEqualTo("privatekey:at_secret");
    assertThat(code(() -> policy.forUpdate(AtKey.parse("phone@bob"))))
        .isEqualTo(AtErrorCode.INVALID_KEY);
    assertThat(code(() -> policy.forUpdate(AtKey.parse("cached:public:x@bob"))))
        .isEqualTo(AtErrorCode.INVALID_KEY);
    assertThat(code(() -> policy.forUpdate(AtKey.parse("@alice:signing_privatekey@alice"))))
        .isEqualTo(AtErrorCode.UNAUTHORIZED);
  }

  @Test
  void deleteProtectsTheServerAndIdentityKeys() {
    for (String key :
        new String[] {
          "privatekey:at_pkam_publickey",
          "public:signing_publickey@alice",
          "signing_privatekey@alice",
          "public:publickey@alice",
          "publickey"
        }) {
      assertThat(code(() -> policy.forDelete(AtKey.parse(key))))
          .as(key)
          .isEqualTo(AtErrorCode.UNAUTHORIZED);
    }
    assertThat(policy.forDelete(AtKey.parse("cached:public:publickey@bob")).toString())
        .isEqualTo("cached:public:publickey@bob");
    assertThat(policy.forDelete(AtKey.parse("privatekey:at_secret")))
        .isEqualTo(ReservedKeys.AT_SECRET);
    assertThatThrownBy(() -> policy.forDelete(AtKey.parse("x@bob")))
        .isInstanceOf(AtException.class);
  }
}
