package dev.atpj.protocol.command;

import static dev.atpj.protocol.command.Parsing.ALICE;
import static dev.atpj.protocol.command.Parsing.BOB;
import static dev.atpj.protocol.command.Parsing.assertCanonical;
import static dev.atpj.protocol.command.Parsing.assertInvalid;
import static dev.atpj.protocol.command.Parsing.assertParses;
import static dev.atpj.protocol.command.Parsing.key;
import static dev.atpj.protocol.command.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.MetadataField;
import dev.atpj.protocol.key.MetadataOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotifyCommandsTest {
  private static final MetadataOptions NONE = MetadataOptions.EMPTY;

  @Test
  void everyOption() {
    assertCanonical(
        "notify:id:abc:update:messageType:key:notifier:SYSTEM:ttln:60000:ttr:-1:ccd:true"
            + ":@bob:phone@alice:+1 555",
        new Notify(
            "abc",
            NotifyOperation.UPDATE,
            MessageType.KEY,
            null,
            null,
            null,
            "SYSTEM",
            60000L,
            NONE.with(MetadataField.TTR, "-1").with(MetadataField.CCD, "true"),
            BOB,
            key("@bob:phone@alice"),
            null,
            "+1 555"));
    assertCanonical(
        "notify:delete:priority:high:strategy:latest:latestN:3:notifier:wavi:@bob:x@alice",
        new Notify(
            null,
            NotifyOperation.DELETE,
            null,
            NotifyPriority.HIGH,
            NotifyStrategy.LATEST,
            3,
            "wavi",
            null,
            NONE,
            BOB,
            key("@bob:x@alice"),
            null,
            null));
  }

  @Test
  void whitepaperAndFunctionalTestForms() {
    AtSign colin = AtSign.parse("@colin");
    assertCanonical(
        "notify:notifier:system:@colin:location.wavi@tigerequivalent",
        new Notify(
            null,
            null,
            null,
            null,
            null,
            null,
            "system",
            null,
            NONE,
            colin,
            key("@colin:location.wavi@tigerequivalent"),
            null,
            null));
    assertCanonical(
        "notify:@alice:contact-no@bob:+91-9012823465",
        Notify.ofKey(ALICE, key("@alice:contact-no@bob"), "+91-9012823465"));
    assertCanonical(
        "notify:update:messageType:key:notifier:system:ttr:-1:@bob:city.me@alice:Copenhagen",
        new Notify(
            null,
            NotifyOperation.UPDATE,
            MessageType.KEY,
            null,
            null,
            null,
            "system",
            null,
            NONE.with(MetadataField.TTR, "-1"),
            BOB,
            key("@bob:city.me@alice"),
            null,
            "Copenhagen"));
  }

  @Test
  void forwardedServerToServerForm() {
    Notify n =
        (Notify)
            parse(
                "notify:id:5f2e-9a:update:messageType:key:notifier:SYSTEM:ttln:900000:ttr:3600"
                    + ":ccd:false:isEncrypted:true:sharedKeyEnc:abc:pubKeyCS:def"
                    + ":@bob:phone@alice:v:with:colons");
    assertThat(n.value()).isEqualTo("v:with:colons");
    assertThat(n.options().options()).hasSize(5);
    assertThat(n.options().toMetadata().ttr()).isEqualTo(3600L);
  }

  @Test
  void textPublicAndSelf() {
    assertCanonical(
        "notify:messageType:text:@bob:hello there: how are you?",
        Notify.ofText(BOB, "hello there: how are you?"));
    Notify text = (Notify) parse("notify:messageType:text:@bob:Hello");
    assertThat(text.isText()).isTrue();
    assertThat(text.text()).isEqualTo("Hello");
    assertCanonical(
        "notify:public:phone@alice:123", Notify.ofKey(null, key("public:phone@alice"), "123"));
    assertThat(((Notify) parse("notify:public:phone@alice")).isPublic()).isTrue();
    Notify self = (Notify) parse("notify:@alice:phone@alice");
    assertThat(self.key()).isEqualTo(AtKey.ofShared(ALICE, "phone", ALICE));
    assertThat(self.recipient()).isEqualTo(ALICE);
    assertThat(self.render()).isEqualTo("notify:@alice:phone@alice");
    assertCanonical(
        "notify:@bob:phone", Notify.ofKey(BOB, AtKey.ofShared(BOB, "phone", null), null));
    assertParses(
        "notify:MESSAGETYPE:KEY:@Bob:Phone@Alice:Value",
        new Notify(
            null,
            null,
            MessageType.KEY,
            null,
            null,
            null,
            null,
            null,
            NONE,
            BOB,
            key("@bob:phone@alice"),
            null,
            "Value"),
        "notify:messageType:key:@bob:phone@alice:Value");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "notify | AT0003",
        "notify: | AT0003",
        "notify:@bob | AT0003",
        "notify:@bob: | AT0003",
        "notify:phone@alice | AT0003",
        "notify:strategy:latest:@bob:k@alice | AT0003",
        "notify:messageType:email:@bob:k@alice | AT0003",
        "notify:priority:urgent:@bob:k@alice | AT0003",
        "notify:@bob:bad,key@alice | AT0016",
        "notify:@bob:k@alice: | AT0003",
        "notify:id:a b:@bob:x@alice | AT0003",
        "notify:ttl:-1:@bob:x@alice | AT0022",
        "notify:latestN:x:@bob:x@alice | AT0003",
        "notify:@bob:k@@alice | AT0003",
        "notify:@:k@alice | AT0003"
      })
  void badNotify(String line, String code) {
    assertInvalid(line, Verb.NOTIFY, AtErrorCode.fromCode(code).orElseThrow());
  }

  @Test
  void notifyAllVerb() {
    AtSign colin = AtSign.parse("@colin");
    assertCanonical(
        "notify:all:@bob,@colin:phone@alice:123",
        new NotifyAll(null, null, NONE, List.of(BOB, colin), key("phone@alice"), "123"));
    assertCanonical(
        "notify:all:update:messageType:key:ttl:1000:ccd:true:@bob:phone@alice",
        new NotifyAll(
            NotifyOperation.UPDATE,
            MessageType.KEY,
            NONE.with(MetadataField.TTL, "1000").with(MetadataField.CCD, "true"),
            List.of(BOB),
            key("phone@alice"),
            null));
    assertParses(
        "notify:all:bob,colin:phone",
        new NotifyAll(null, null, NONE, List.of(BOB, colin), AtKey.ofSelf("phone", null), null),
        "notify:all:@bob,@colin:phone");
    for (String bad :
        new String[] {
          "notify:all",
          "notify:all:",
          "notify:all:@bob",
          "notify:all:@bob,:k",
          "notify:all:@bob:k:",
          "notify:all:@b ob:k",
          "notify:all:messageType:x:@bob:k"
        }) {
      assertInvalid(bad, Verb.NOTIFY_ALL, AtErrorCode.INVALID_SYNTAX);
    }
  }

  @Test
  void notifyList() {
    assertCanonical("notify:list", new NotifyList());
    assertCanonical("notify:list:2024-01-01", new NotifyList("2024-01-01", null, null));
    assertCanonical(
        "notify:list:2024-01-01:2024-2-1", new NotifyList("2024-01-01", "2024-2-1", null));
    assertCanonical(
        "notify:list:2024-01-01:2024-02-01:.*wavi",
        new NotifyList("2024-01-01", "2024-02-01", ".*wavi"));
    assertCanonical("notify:list:.*wavi", new NotifyList(null, null, ".*wavi"));
    assertCanonical("notify:list:a:b", new NotifyList(null, null, "a:b"));
    assertParses("notify:list .*wavi", new NotifyList(null, null, ".*wavi"), "notify:list:.*wavi");
    assertParses(
        "notify:list 2024-01-01:@",
        new NotifyList("2024-01-01", null, "@"),
        "notify:list:2024-01-01:@");
    assertInvalid("notify:list:", Verb.NOTIFY_LIST, AtErrorCode.INVALID_SYNTAX);
    assertInvalid("notify:listing", Verb.NOTIFY, AtErrorCode.INVALID_SYNTAX);
  }

  @Test
  void byId() {
    assertCanonical("notify:status:680b8352-42c0", new NotifyStatus("680b8352-42c0"));
    assertCanonical("notify:fetch:abc", new NotifyFetch("abc"));
    assertCanonical("notify:remove:abc", new NotifyRemove("abc"));
    assertParses("NOTIFY:STATUS:Abc", new NotifyStatus("Abc"), "notify:status:Abc");
    assertInvalid("notify:status", Verb.NOTIFY_STATUS, AtErrorCode.INVALID_SYNTAX);
    assertInvalid("notify:status:", Verb.NOTIFY_STATUS, AtErrorCode.INVALID_SYNTAX);
    assertInvalid("notify:fetch:a b", Verb.NOTIFY_FETCH, AtErrorCode.INVALID_SYNTAX);
    assertInvalid("notify:remove", Verb.NOTIFY_REMOVE, AtErrorCode.INVALID_SYNTAX);
    assertThat(Verb.NOTIFY_FETCH.requiresAuth()).isTrue();
    assertThat(Verb.NOTIFY_STATUS.requiresAuth()).isFalse();
  }
}
