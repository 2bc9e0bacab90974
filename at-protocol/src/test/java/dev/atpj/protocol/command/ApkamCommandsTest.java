package dev.atpj.protocol.command;

import static dev.atpj.protocol.command.Parsing.assertCanonical;
import static dev.atpj.protocol.command.Parsing.assertInvalid;
import static dev.atpj.protocol.command.Parsing.assertParses;
import static dev.atpj.protocol.command.Parsing.assertSyntax;

import dev.atpj.protocol.AtErrorCode;
import org.junit.jupiter.api.Test;

class ApkamCommandsTest {
  private static final String REQUEST =
      "{\"appName\":\"wavi\",\"deviceName\":\"pixel\",\"apkamPublicKey\":\"MIIB\"}";

  @Test
  void enrollWithAndWithoutColon() {
    assertCanonical(
        "enroll:request:" + REQUEST, new Enroll(EnrollOperation.REQUEST, REQUEST, true));
    assertCanonical(
        "enroll:request" + REQUEST, new Enroll(EnrollOperation.REQUEST, REQUEST, false));
    assertCanonical(
        "enroll:approve:{\"enrollmentId\":\"1-2\"}",
        new Enroll(EnrollOperation.APPROVE, "{\"enrollmentId\":\"1-2\"}"));
    assertCanonical("enroll:list", new Enroll(EnrollOperation.LIST, null, false));
    assertCanonical(
        "enroll:list{\"enrollmentStatusFilter\":[\"pending\"]}",
        new Enroll(EnrollOperation.LIST, "{\"enrollmentStatusFilter\":[\"pending\"]}", false));
    assertParses(
        "ENROLL:Fetch:{\"enrollmentId\":\"x\"}",
        new Enroll(EnrollOperation.FETCH, "{\"enrollmentId\":\"x\"}"),
        "enroll:fetch:{\"enrollmentId\":\"x\"}");
    for (EnrollOperation op : EnrollOperation.values()) {
      assertCanonical("enroll:" + op.wireName() + ":{}", new Enroll(op, "{}", true));
    }
  }

  @Test
  void enrollSyntax() {
    assertSyntax("enroll", Verb.ENROLL);
    assertSyntax("enroll:", Verb.ENROLL);
    assertSyntax("enroll:request", Verb.ENROLL);
    assertSyntax("enroll:requests:{}", Verb.ENROLL);
    assertSyntax("enroll:request:", Verb.ENROLL);
    assertSyntax("enroll:request:[1]", Verb.ENROLL);
    assertSyntax("enroll:request:{\"a\":1", Verb.ENROLL);
  }

  @Test
  void otp() {
    assertCanonical("otp:get", Otp.get());
    assertCanonical("otp:get:ttl:60000", new Otp(false, null, 60000L));
    assertCanonical("otp:put:ABC123", new Otp(true, "ABC123", null));
    assertCanonical("otp:put:ABC123:ttl:5", new Otp(true, "ABC123", 5L));
    assertSyntax("otp", Verb.OTP);
    assertSyntax("otp:get:x", Verb.OTP);
    assertSyntax("otp:put:abc", Verb.OTP);
    assertInvalid("otp:get:ttl:0", Verb.OTP, AtErrorCode.ILLEGAL_ARGUMENTS);
  }

  @Test
  void keys() {
    String name = "1-2.default_enc_private_key.__manage@alice";
    assertCanonical("keys:get:keyName:" + name, Keys.get(name));
    assertCanonical(
        "keys:get:self",
        new Keys(Keys.Operation.GET, "self", null, null, null, null, null, null, null));
    assertCanonical(
        "keys:put:private:namespace:__global:appName:wavi:deviceName:pixel:keyType:rsa2048"
            + ":encryptionKeyName:selfkey:keyName:enc value text",
        new Keys(
            Keys.Operation.PUT,
            "private",
            "__global",
            "wavi",
            "pixel",
            "rsa2048",
            "selfkey",
            "enc",
            "value text"));
    assertCanonical(
        "keys:delete:keyName:" + name,
        new Keys(Keys.Operation.DELETE, null, null, null, null, null, null, name, null));
    assertSyntax("keys", Verb.KEYS);
    assertSyntax("keys:fetch", Verb.KEYS);
    assertSyntax("keys:get:secret", Verb.KEYS);
  }
}
