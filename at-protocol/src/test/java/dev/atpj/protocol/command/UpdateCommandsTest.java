package dev.atpj.protocol.command;

import static dev.atpj.protocol.command.Parsing.BOB;
import static dev.atpj.protocol.command.Parsing.assertCanonical;
import static dev.atpj.protocol.command.Parsing.assertInvalid;
import static dev.atpj.protocol.command.Parsing.assertParses;
import static dev.atpj.protocol.command.Parsing.assertSyntax;
import static dev.atpj.protocol.command.Parsing.key;
import static dev.atpj.protocol.command.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.protocol.key.MetadataField;
import dev.atpj.protocol.key.MetadataOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpdateCommandsTest {
  private static final MetadataOptions NONE = MetadataOptions.EMPTY;

  @Test
  void whitepaperUpdates() {
    assertCanonical(
        "update:public:email@tigerequivalent tiger@example.com",
        new Update(NONE, key("public:email@tigerequivalent"), "tiger@example.com"));
    assertCanonical(
        "update:@realisticforeign:email@tigerequivalent tiger@work.example.com",
        new Update(NONE, key("@realisticforeign:email@tigerequivalent"), "tiger@work.example.com"));
    assertCanonical(
        "update:public:test@realisticforeign test data",
        new Update(NONE, key("public:test@realisticforeign"), "test data"));
  }

  @Test
  void newestAtCommonsOptions() {
    assertCanonical(
        "update:nc:cAt:2026-05-05T11:59:45.123456Z:appMetadata:eyJhIjoxfQ==:@bob:k@alice v",
        new Update(
            NONE.with(MetadataField.CREATED_AT, "2026-05-05T11:59:45.123456Z")
                .with(MetadataField.APP_METADATA, "eyJhIjoxfQ=="),
            key("@bob:k@alice"),
            "v",
            true));
    assertCanonical(
        "update:meta:nc:k@alice:eAt:2026-05-05T11:59:45Z",
        new UpdateMeta(
            key("k@alice"), NONE.with(MetadataField.EXPIRES_AT, "2026-05-05T11:59:45Z"), true));
    assertCanonical(
        "update:cAt:null:k@alice v",
        new Update(NONE.with(MetadataField.CREATED_AT, "null"), key("k@alice"), "v"));
    assertCanonical("update:nc v", new Update(NONE, key("nc"), "v"));
    Metadata m =
        NONE.with(MetadataField.APP_METADATA, "eyJhIjoxfQ==")
            .with(MetadataField.AVAILABLE_AT, "2026-05-05T11:59:45.5Z")
            .toMetadata();
    assertThat(m.appMetadata()).isEqualTo("{\"a\":1}");
    assertThat(m.availableAt()).isEqualTo(java.time.Instant.parse("2026-05-05T11:59:45.500Z"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "update:cAt:2026-05-05T11:59:45+01:00:k@alice v",
        "update:uAt:2026-05-05T25:59:45Z:k@alice v",
        "update:appMetadata:%%%:k@alice v",
        "update:appMetadata:WzFd:k@alice v"
      })
  void badNewOptions(String line) {
    assertThat(parse(line)).isInstanceOf(Invalid.class);
  }

  @Test
  void atJavaUpdates() {
    assertCanonical(
        "update:privatekey:at_pkam_publickey MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA",
        new Update(
            NONE,
            AtKey.ofPrivateKey("at_pkam_publickey"),
            "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"));
    assertCanonical(
        "update:ttr:86400000:@bob:shared_key@alice cipher==",
        new Update(
            NONE.with(MetadataField.TTR, "86400000"), key("@bob:shared_key@alice"), "cipher=="));
    assertCanonical(
        "update:dataSignature:c2ln+/=:isBinary:false:isEncrypted:true:test@alice enc",
        new Update(
            NONE.with(MetadataField.DATA_SIGNATURE, "c2ln+/=")
                .with(MetadataField.IS_BINARY, "false")
                .with(MetadataField.IS_ENCRYPTED, "true"),
            key("test@alice"),
            "enc"));
    assertCanonical(
        "update:ttr:5:ccd:true:sharedKeyEnc:x:pubKeyCS:y:isBinary:false:isEncrypted:true"
            + ":encoding:base64:@bob:test@alice v",
        new Update(
            NONE.with(MetadataField.TTR, "5")
                .with(MetadataField.CCD, "true")
                .with(MetadataField.SHARED_KEY_ENC, "x")
                .with(MetadataField.PUB_KEY_CS, "y")
                .with(MetadataField.IS_BINARY, "false")
                .with(MetadataField.IS_ENCRYPTED, "true")
                .with(MetadataField.ENCODING, "base64"),
            key("@bob:test@alice"),
            "v"));
  }

  @Test
  void optionsInAnyOrderAndNullClears() {
    Update update =
        (Update) parse("update:ivNonce:aXY=:ttl:null:encAlgo:aes:isEncrypted:true:k@alice v");
    assertThat(update.options().options())
        .extracting(o -> o.field())
        .containsExactly(
            MetadataField.IV_NONCE,
            MetadataField.TTL,
            MetadataField.ENC_ALGO,
            MetadataField.IS_ENCRYPTED);
    Metadata applied = update.options().applyTo(Metadata.builder().ttl(5L).build());
    assertThat(applied.ttl()).isNull();
    assertThat(applied.ivNonce()).isEqualTo("aXY=");
    assertThat(update.render())
        .isEqualTo("update:ivNonce:aXY=:ttl:null:encAlgo:aes:isEncrypted:true:k@alice v");
  }

  @Test
  void valuesKeepCaseSpacesAndColonsKeysAreLowerCased() {
    assertParses(
        "update:Public:Phone@Alice  +1 555:Ext",
        new Update(NONE, key("public:phone@alice"), " +1 555:Ext"),
        "update:public:phone@alice  +1 555:Ext");
    assertParses(
        "UPDATE:ISENCRYPTED:true:k@alice V",
        new Update(NONE.with(MetadataField.IS_ENCRYPTED, "true"), key("k@alice"), "V"),
        "update:isEncrypted:true:k@alice V");
  }

  @Test
  void ownerMayBeLeftOut() {
    assertCanonical("update:phone 123", new Update(NONE, AtKey.ofSelf("phone", null), "123"));
    assertCanonical(
        "update:@bob:phone 123", new Update(NONE, AtKey.ofShared(BOB, "phone", null), "123"));
    assertCanonical("update:meta value", new Update(NONE, AtKey.ofSelf("meta", null), "value"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "update:public:@bob:k@alice v | AT0003",
        "update:public:k@@alice v | AT0003",
        "update:country,current@alice v | AT0016",
        "update:k@alice | AT0003",
        "'update:k@alice ' | AT0003",
        "update | AT0003",
        "update: v | AT0003",
        "update:ttl:abc:k@alice v | AT0003",
        "update:ttl:-5:k@alice v | AT0022",
        "update:ttr:-2:k@alice v | AT0022",
        "update:ttl:1:ttl:2:k@alice v | AT0003",
        "update:ccd:maybe:k@alice v | AT0003",
        "update:ttl:5 v | AT0003",
        "update:k@al!ce v | AT0016"
      })
  void badUpdates(String line, String code) {
    assertInvalid(line, Verb.UPDATE, AtErrorCode.fromCode(code).orElseThrow());
  }

  @Test
  void keyTypesTheServerRefusesStillParse() {
    // B6: the server answers AT0016 "You may not update keys of type ..."; the parser only parses.
    assertCanonical(
        "update:cached:public:x@bob v", new Update(NONE, key("cached:public:x@bob"), "v"));
    assertCanonical("update:private:x@alice v", new Update(NONE, key("private:x@alice"), "v"));
  }

  @Test
  void missingValueSaysInvalidSyntax() {
    assertThat(assertSyntax("update:public:phone@alice", Verb.UPDATE).reason())
        .startsWith("Invalid syntax. update");
  }

  @Test
  void updateJson() {
    String json =
        "{\"atKey\":\"phone\",\"value\":\"+1 555\",\"sharedBy\":\"@alice\","
            + "\"sharedWith\":\"@bob\",\"metadata\":{\"ttl\":1000,\"ccd\":true}}";
    UpdateJson update = (UpdateJson) parse("update:json:" + json);
    assertThat(update.render()).isEqualTo("update:json:" + json);
    assertThat(update.verb()).isEqualTo(Verb.UPDATE);
    assertThat(update.content())
        .isEqualTo(
            new UpdateJson.Content(
                key("@bob:phone@alice"),
                "+1 555",
                Metadata.builder().ttl(1000L).ccd(true).build()));
    UpdateJson pub =
        (UpdateJson)
            parse("update:json:{\"atKey\":\"x\",\"value\":\"v\",\"metadata\":{\"isPublic\":true}}");
    assertThat(pub.content().key()).isEqualTo(AtKey.ofPublic("x", null));
    assertSyntax("update:json:{bad", Verb.UPDATE);
    assertSyntax("update:json:{\"atKey\":\"x\"}", Verb.UPDATE);
    assertInvalid(
        "update:json:{\"atKey\":\"a,b\",\"value\":\"v\"}", Verb.UPDATE, AtErrorCode.INVALID_KEY);
  }

  @Test
  void updateMeta() {
    assertCanonical(
        "update:meta:@bob:phone@alice:ttl:1000:ccd:true",
        new UpdateMeta(
            key("@bob:phone@alice"),
            NONE.with(MetadataField.TTL, "1000").with(MetadataField.CCD, "true")));
    assertCanonical(
        "update:meta:public:phone@alice:isBinary:true:ttr:-1",
        new UpdateMeta(
            key("public:phone@alice"),
            NONE.with(MetadataField.IS_BINARY, "true").with(MetadataField.TTR, "-1")));
    assertCanonical("update:meta:phone@alice", new UpdateMeta(key("phone@alice"), NONE));
    assertCanonical(
        "update:meta:private:@bob:x@alice:ttl:1",
        new UpdateMeta(key("private:@bob:x@alice"), NONE.with(MetadataField.TTL, "1")));
    assertParses(
        "update:META:@alice:ttl@alice:TTL:5",
        new UpdateMeta(key("@alice:ttl@alice"), NONE.with(MetadataField.TTL, "5")),
        "update:meta:@alice:ttl@alice:ttl:5");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "update:meta:phone@alice:ttl | AT0003",
        "update:meta:phone@alice:foo:1 | AT0003",
        "update:meta:phone@alice:ttl:1 x | AT0003",
        "update:meta: | AT0003",
        "update:meta:bad,key@alice:ttl:1 | AT0016",
        "update:meta:phone@alice:ttl:-3 | AT0022"
      })
  void badUpdateMeta(String line, String code) {
    assertInvalid(line, Verb.UPDATE_META, AtErrorCode.fromCode(code).orElseThrow());
  }
}
