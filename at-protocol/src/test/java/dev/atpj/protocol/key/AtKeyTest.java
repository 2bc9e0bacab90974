package dev.atpj.protocol.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AtKeyTest {
  private static final AtSign ALICE = AtSign.parse("@alice");
  private static final AtSign BOB = AtSign.parse("@bob");

  @Test
  void parsesEveryForm() {
    assertThat(AtKey.parse("public:phone.wavi@alice"))
        .isEqualTo(new AtKey(false, KeyVisibility.PUBLIC, null, "phone.wavi", ALICE));
    assertThat(AtKey.parse("@bob:phone@alice"))
        .isEqualTo(new AtKey(false, KeyVisibility.SHARED, BOB, "phone", ALICE));
    assertThat(AtKey.parse("phone@alice"))
        .isEqualTo(new AtKey(false, KeyVisibility.SELF, null, "phone", ALICE));
    assertThat(AtKey.parse("privatekey:at_pkam_publickey"))
        .isEqualTo(new AtKey(false, KeyVisibility.PRIVATEKEY, null, "at_pkam_publickey", null));
    assertThat(AtKey.parse("private:blocklist@alice"))
        .isEqualTo(new AtKey(false, KeyVisibility.PRIVATE, null, "blocklist", ALICE));
    assertThat(AtKey.parse("private:@bob:x@alice"))
        .isEqualTo(new AtKey(false, KeyVisibility.PRIVATE, BOB, "x", ALICE));
    assertThat(AtKey.parse("local:draft@alice"))
        .isEqualTo(new AtKey(false, KeyVisibility.LOCAL, null, "draft", ALICE));
    assertThat(AtKey.parse("cached:public:email@bob"))
        .isEqualTo(new AtKey(true, KeyVisibility.PUBLIC, null, "email", BOB));
    assertThat(AtKey.parse("cached:@alice:phone@bob"))
        .isEqualTo(new AtKey(true, KeyVisibility.SHARED, ALICE, "phone", BOB));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "public:phone.wavi@alice",
        "@bob:phone@alice",
        "phone@alice",
        "_x@alice",
        "public:__x@alice",
        "@bob:_secret@alice",
        "privatekey:at_secret",
        "private:blocklist@alice",
        "private:@bob:x@alice",
        "local:draft@alice",
        "cached:public:email@bob",
        "cached:@alice:phone@bob",
        "shared_key.bob@alice",
        "public:signing_publickey@alice",
        "phone",
        "public:phone",
        "@bob:phone",
        "location.wavi@🛠tools",
        "日本.名前@alice",
        "a-b_c'd*e\"f@alice"
      })
  void rendersBackExactly(String text) {
    assertThat(AtKey.parse(text).toString()).isEqualTo(text);
  }

  @Test
  void ownerSharedWithItselfIsADistinctKeyKeptAsWritten() {
    AtKey key = AtKey.parse("@alice:phone@alice");
    assertThat(key).isNotEqualTo(AtKey.parse("phone@alice"));
    assertThat(key.toString()).isEqualTo("@alice:phone@alice");
    assertThat(key.visibility()).isEqualTo(KeyVisibility.SHARED);
    assertThat(key.sharedWith()).isEqualTo(ALICE);
    assertThat(AtKey.parse("@alice:signing_privatekey@alice").toString())
        .isEqualTo("@alice:signing_privatekey@alice");
  }

  @Test
  void lowerCasesKeysButKeepsAtSignsCanonical() {
    assertThat(AtKey.parse("PUBLIC:Phone.WAVI@Alice").toString())
        .isEqualTo("public:phone.wavi@alice");
    assertThat(AtKey.parse("@Bob:X@ALICE").toString()).isEqualTo("@bob:x@alice");
    assertThat(AtKey.parse("Cached:Public:E@Bob").toString()).isEqualTo("cached:public:e@bob");
  }

  @Test
  void ownerMayBeAbsentAndFilledInLater() {
    AtKey key = AtKey.parse("@bob:phone");
    assertThat(key.owner()).isNull();
    assertThat(key.withOwner(ALICE).toString()).isEqualTo("@bob:phone@alice");
    assertThat(AtKey.parse("@alice:phone").withOwner(ALICE).toString())
        .isEqualTo("@alice:phone@alice");
  }

  @Test
  void hiddenAndNamespace() {
    assertThat(AtKey.parse("_x@alice").isHidden()).isTrue();
    assertThat(AtKey.parse("public:__x@alice").isHidden()).isTrue();
    assertThat(AtKey.parse("x@alice").isHidden()).isFalse();
    assertThat(AtKey.parse("location.wavi@alice").namespace()).isEqualTo("wavi");
    assertThat(AtKey.parse("a.b.c@alice").namespace()).isEqualTo("c");
    assertThat(AtKey.parse("phone@alice").namespace()).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "public:x@alice, true",
    "public:_x@alice, false",
    "public:__x@alice, true",
    "@bob:x@alice, true",
    "x@alice, true",
    "_x@alice, true",
    "private:x@alice, false",
    "privatekey:at_secret, false",
    "local:x@alice, false",
    "cached:public:_x@bob, true",
    "cached:@alice:x@bob, true"
  })
  void commitLogRules(String key, boolean committed) {
    assertThat(AtKey.parse(key).isCommitted()).isEqualTo(committed);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "country,current@alice",
        "my key@alice",
        "a#b@alice",
        "a/b@alice",
        "x@al ice",
        "privatekey:x@alice",
        "x\u0000y@alice",
        "x\u200by@alice"
      })
  void rejectsInvalidCharactersWithAt0016(String text) {
    assertInvalid(() -> AtKey.parse(text), AtErrorCode.INVALID_KEY);
    assertInvalid(() -> AtKey.parse(text, AtErrorCode.INVALID_SYNTAX), AtErrorCode.INVALID_KEY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "@alice",
        "public:@bob:k@alice",
        "k@@alice",
        "k@alice@bob",
        "@:k@alice",
        "public:",
        "@bob:",
        "x@",
        "cached:x@bob",
        "cached:public:x",
        "cached:privatekey:x",
        "a:b@alice"
      })
  void malformedLayoutUsesTheGivenCode(String text) {
    assertInvalid(() -> AtKey.parse(text), AtErrorCode.INVALID_KEY);
    assertInvalid(() -> AtKey.parse(text, AtErrorCode.INVALID_SYNTAX), AtErrorCode.INVALID_SYNTAX);
  }

  @Test
  void maximumLengths() {
    String owner = "@alice";
    String ok = "a".repeat(AtKey.MAX_LENGTH - owner.length()) + owner;
    assertThat(AtKey.parse(ok).toString()).hasSize(248);
    assertInvalid(() -> AtKey.parse("a" + ok), AtErrorCode.INVALID_KEY);
    String cached = "cached:public:" + "b".repeat(255 - 14 - 4) + "@bob";
    assertThat(AtKey.parse(cached).toString()).hasSize(255);
    assertInvalid(
        () -> AtKey.parse("cached:public:b" + cached.substring(14)), AtErrorCode.INVALID_KEY);
  }

  @Test
  void factoriesAndCachedCopies() {
    assertThat(AtKey.ofPublic("x", ALICE).toString()).isEqualTo("public:x@alice");
    assertThat(AtKey.ofShared(BOB, "x", ALICE).toString()).isEqualTo("@bob:x@alice");
    assertThat(AtKey.ofSelf("x", ALICE).toString()).isEqualTo("x@alice");
    assertThat(AtKey.ofPrivateKey("at_secret").toString()).isEqualTo("privatekey:at_secret");
    AtKey cached = AtKey.ofShared(BOB, "x", ALICE).asCached();
    assertThat(cached.toString()).isEqualTo("cached:@bob:x@alice");
    assertThat(cached.withoutCached().toString()).isEqualTo("@bob:x@alice");
  }

  private static void assertInvalid(Runnable action, AtErrorCode code) {
    assertThatThrownBy(action::run)
        .isInstanceOf(AtException.class)
        .satisfies(e -> assertThat(((AtException) e).code()).isEqualTo(code))
        .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
  }
}
