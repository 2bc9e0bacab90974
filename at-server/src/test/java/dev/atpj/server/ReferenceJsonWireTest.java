package dev.atpj.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.testing.WireClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every metadata JSON the atServer emits parses strictly against the reference's field list, as
 * at_java's Jackson mapper does (unknown properties are errors), and every metadata option of the
 * reference's update grammar round-trips (docs/protocol.md B7, B16, C8).
 */
@ExtendWith(SharedPeerFixture.class)
class ReferenceJsonWireTest {
  private static final ObjectMapper STRICT =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final String DATE = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
  private static final String HASH =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  /** Every option of the reference's update grammar (at_commons {@code VerbSyntax.update}). */
  private static final String ALL_OPTIONS =
      ":ttl:60000:ttb:0:ttr:-1:ccd:true:dataSignature:c2ln:sharedKeyStatus:SHARED_WITH_NOTIFIED"
          + ":isBinary:true:isEncrypted:true:sharedKeyEnc:ZW5j:pubKeyCS:cs1:pubKeyHash:"
          + HASH
          + ":hashingAlgo:sha512:encoding:base64:encKeyName:key_1.__shared_keys.wavi"
          + ":encAlgo:AES/SIC/PKCS7Padding:ivNonce:AAECAwQFBgcICQoLDA0ODw==:skeEncKeyName:k2"
          + ":skeEncAlgo:RSA:immutable:true";

  private static MultiServerFixture fixture;
  private static AtServer alice;
  private static AtServer bob;

  /** The reference server's metadata {@code toJson} keys, typed as at_java reads them. */
  @SuppressWarnings("unused")
  static final class ReferenceMetadata {
    public String createdBy;
    public String updatedBy;
    public String createdAt;
    public String updatedAt;
    public String availableAt;
    public String expiresAt;
    public String refreshAt;
    public String status;
    public Integer version;
    public Long ttl;
    public Long ttb;
    public Long ttr;
    public Boolean ccd;
    public Boolean isBinary;
    public Boolean isEncrypted;
    public String dataSignature;
    public String sharedKeyStatus;
    public String sharedKeyEnc;
    public String pubKeyCS;
    public PubKeyHash pubKeyHash;
    public String encoding;
    public String encKeyName;
    public String encAlgo;
    public String ivNonce;
    public String skeEncKeyName;
    public String skeEncAlgo;
    public Boolean immutable;
  }

  /** The reference's {@code PublicKeyHash.toJson}. */
  @SuppressWarnings("unused")
  static final class PubKeyHash {
    public String hash;
    public String hashingAlgo;
  }

  /** at_java's {@code LookupResponse}: the {@code all} shape. */
  @SuppressWarnings("unused")
  static final class LookupAll {
    public String key;
    public String data;
    public ReferenceMetadata metaData;
  }

  /** The reference's sync entry; its metadata values are all strings. */
  @SuppressWarnings("unused")
  static final class SyncEntry {
    public String atKey;
    public String value;
    public Map<String, String> metadata;
    public Long commitId;
    public String operation;
  }

  /** The reference's monitor (and {@code notify:list}) notification. */
  @SuppressWarnings("unused")
  static final class MonitorNotification {
    public String id;
    public String from;
    public String to;
    public String key;
    public String value;
    public String operation;
    public Long epochMillis;
    public String messageType;
    public Boolean isEncrypted;
    public MonitorMetadata metadata;
  }

  /** The reference's monitor metadata ({@code monitor_verb_handler.dart} Notification). */
  @SuppressWarnings("unused")
  static final class MonitorMetadata {
    public String sharedKeyEnc;
    public String pubKeyCS;
    public String pubKeyHash;
    public String dataSignature;
    public String encKeyName;
    public String encAlgo;
    public String ivNonce;
    public String skeEncKeyName;
    public String skeEncAlgo;
    public String availableAt;
    public String expiresAt;
  }

  @BeforeAll
  static void start(MultiServerFixture shared) {
    fixture = shared;
    alice = fixture.server("@alice");
    bob = fixture.server("@bob");
  }

  @Test
  void atJavasFirstShareWithPubKeyHashIsAcceptedAndReturned() throws Exception {
    try (WireClient owner = fixture.owner(alice)) {
      String update =
          "update:ttr:86400000:ccd:true:isEncrypted:true:pubKeyHash:"
              + HASH
              + ":hashingAlgo:sha512:@bob:shared_key.rj0@alice c2hhcmVk";
      assertThat(owner.command(update)).matches("data:\\d+");
      ReferenceMetadata m = strictMeta(owner.command("llookup:meta:@bob:shared_key.rj0@alice"));
      assertThat(m.pubKeyHash.hash).isEqualTo(HASH);
      assertThat(m.pubKeyHash.hashingAlgo).isEqualTo("sha512");
      assertThat(m.ccd).isTrue();
    }
  }

  @Test
  void everyReferenceOptionRoundTripsThroughLlookupMeta() throws Exception {
    Map<String, Object> expected =
        Map.ofEntries(
            Map.entry("ttl:60000", 60000),
            Map.entry("ttb:0", 0),
            Map.entry("ttr:-1", -1),
            Map.entry("ccd:true", true),
            Map.entry("dataSignature:c2ln", "c2ln"),
            Map.entry("sharedKeyStatus:SHARED_WITH_NOTIFIED", "SHARED_WITH_NOTIFIED"),
            Map.entry("isBinary:true", true),
            Map.entry("isEncrypted:true", true),
            Map.entry("sharedKeyEnc:ZW5j", "ZW5j"),
            Map.entry("pubKeyCS:cs1", "cs1"),
            Map.entry("encoding:base64", "base64"),
            Map.entry("encKeyName:key_1.__shared_keys.wavi", "key_1.__shared_keys.wavi"),
            Map.entry("encAlgo:AES/SIC/PKCS7Padding", "AES/SIC/PKCS7Padding"),
            Map.entry("ivNonce:AAECAwQFBgcICQoLDA0ODw==", "AAECAwQFBgcICQoLDA0ODw=="),
            Map.entry("skeEncKeyName:k2", "k2"),
            Map.entry("skeEncAlgo:RSA", "RSA"),
            Map.entry("immutable:true", true));
    try (WireClient owner = fixture.owner(alice)) {
      int n = 0;
      for (Map.Entry<String, Object> option : expected.entrySet()) {
        String name = option.getKey().substring(0, option.getKey().indexOf(':'));
        String key = "@bob:opt" + n++ + ".rj1@alice";
        assertThat(owner.command("update:" + option.getKey() + ":" + key + " v"))
            .as(option.getKey())
            .matches("data:\\d+");
        String reply = owner.command("llookup:meta:" + key);
        strictMeta(reply);
        JsonNode meta = STRICT.readTree(reply.substring(5));
        assertThat(meta.get(name)).as(name).isNotNull();
        assertThat(meta.get(name).toString())
            .as(name)
            .isEqualTo(STRICT.writeValueAsString(option.getValue()));
      }
      String key = "@bob:hash.rj1@alice";
      owner.command("update:pubKeyHash:" + HASH + ":hashingAlgo:sha256:" + key + " v");
      ReferenceMetadata m = strictMeta(owner.command("llookup:meta:" + key));
      assertThat(m.pubKeyHash.hash).isEqualTo(HASH);
      assertThat(m.pubKeyHash.hashingAlgo).isEqualTo("sha256");
      owner.command("update:meta:" + key + ":hashingAlgo:sha512");
      assertThat(strictMeta(owner.command("llookup:meta:" + key)).pubKeyHash.hashingAlgo)
          .isEqualTo("sha512");
    }
  }

  @Test
  void everyMetadataJsonTheServerEmitsParsesStrictly() throws Exception {
    try (WireClient owner = fixture.owner(alice);
        WireClient asBob = fixture.owner(bob);
        WireClient anyone = fixture.connect(alice)) {
      owner.command("update" + ALL_OPTIONS + ":@bob:full.rj2@alice dmFsdWU=");
      owner.command("update:ccd:true:ttr:-1:public:loc.rj2@alice NYC");
      owner.command("update:ccd:true:self.rj2@alice mine");

      List<String> metas = new ArrayList<>();
      for (String key : List.of("@bob:full.rj2@alice", "public:loc.rj2@alice", "self.rj2@alice")) {
        metas.add(owner.command("llookup:meta:" + key));
        metas.add(metaDataOf(owner.command("llookup:all:" + key)));
      }
      metas.add(anyone.command("lookup:meta:loc.rj2@alice"));
      metas.add(metaDataOf(anyone.command("lookup:all:loc.rj2@alice")));
      metas.add(asBob.command("lookup:meta:full.rj2@alice"));
      metas.add(metaDataOf(asBob.command("lookup:all:full.rj2@alice")));
      metas.add(asBob.command("plookup:meta:loc.rj2@alice"));
      metas.add(metaDataOf(asBob.command("plookup:all:loc.rj2@alice")));
      for (String reply : metas) {
        ReferenceMetadata m = strictMeta(reply);
        assertThat(m.ccd).as(reply).isTrue();
        for (String date : new String[] {m.createdAt, m.updatedAt}) {
          assertThat(date).as(reply).matches(DATE);
        }
      }

      String sync = owner.command("sync:from:-1:limit:500:\\.rj2@");
      SyncEntry[] entries = STRICT.readValue(sync.substring(5), SyncEntry[].class);
      assertThat(entries).isNotEmpty();
      JsonNode syncJson = STRICT.readTree(sync.substring(5));
      for (JsonNode entry : syncJson) {
        if (entry.get("metadata").isNull()) {
          continue;
        }
        entry
            .get("metadata")
            .fields()
            .forEachRemaining(f -> assertThat(f.getValue().isTextual()).as(f.getKey()).isTrue());
        assertThat(STRICT.readValue(entry.get("metadata").toString(), SyncMetadata.class))
            .isNotNull();
      }
      JsonNode full = null;
      for (JsonNode entry : syncJson) {
        if (entry.get("atKey").asText().equals("@bob:full.rj2@alice")) {
          full = entry.get("metadata");
        }
      }
      assertThat(full).isNotNull();
      assertThat(full.get("ccd").asText()).isEqualTo("true");
      assertThat(full.get("immutable").asText()).isEqualTo("true");
      PubKeyHash hash = STRICT.readValue(full.get("pubKeyHash").asText(), PubKeyHash.class);
      assertThat(hash.hash).isEqualTo(HASH);
    }
  }

  @Test
  void notificationJsonParsesStrictlyInTheReferenceShape() throws Exception {
    AtServer ann = NotifyWire.server(fixture, "@ann");
    AtServer ben = NotifyWire.server(fixture, "@ben");
    try (WireClient monitor = NotifyWire.monitor(fixture, ben, "monitor:strict \\.rj3@");
        WireClient annOwner = fixture.owner(ann);
        WireClient benOwner = fixture.owner(ben)) {
      NotifyWire.untilHeartbeat(monitor);
      String id =
          annOwner
              .command(
                  "notify:update:isEncrypted:true:pubKeyHash:"
                      + HASH
                      + ":hashingAlgo:sha512:ivNonce:AAECAwQFBgcICQoLDA0ODw==:encKeyName:k1"
                      + ":encAlgo:AES:skeEncKeyName:k2:skeEncAlgo:RSA:sharedKeyEnc:ZW5j"
                      + ":pubKeyCS:cs1:dataSignature:c2ln:@ben:n.rj3@ann:c1ph3r")
              .substring(5);
      String line = monitor.readLine();
      MonitorNotification n =
          STRICT.readValue(line.substring("notification: ".length()), MonitorNotification.class);
      assertThat(n.id).isEqualTo(id);
      assertThat(n.metadata.ivNonce).isEqualTo("AAECAwQFBgcICQoLDA0ODw==");
      assertThat(STRICT.readValue(n.metadata.pubKeyHash, PubKeyHash.class).hashingAlgo)
          .isEqualTo("sha512");
      assertThat(n.metadata.expiresAt).matches(DATE);

      String list = benOwner.command("notify:list:n\\.rj3");
      MonitorNotification[] listed =
          STRICT.readValue(list.substring(5), MonitorNotification[].class);
      assertThat(listed).extracting(x -> x.id).contains(id);

      JsonNode fetched = STRICT.readTree(benOwner.command("notify:fetch:" + id).substring(5));
      ReferenceMetadata m =
          STRICT.readValue(fetched.get("atMetadata").asText(), ReferenceMetadata.class);
      assertThat(m.pubKeyHash.hash).isEqualTo(HASH);
    }
  }

  /** The sync metadata keys: the reference's, every value a string. */
  @SuppressWarnings("unused")
  static final class SyncMetadata {
    public String createdBy;
    public String updatedBy;
    public String createdAt;
    public String updatedAt;
    public String availableAt;
    public String expiresAt;
    public String refreshAt;
    public String status;
    public String version;
    public String ttl;
    public String ttb;
    public String ttr;
    public String ccd;
    public String isBinary;
    public String isEncrypted;
    public String dataSignature;
    public String sharedKeyStatus;
    public String sharedKeyEnc;
    public String pubKeyCS;
    public String pubKeyHash;
    public String encoding;
    public String encKeyName;
    public String encAlgo;
    public String ivNonce;
    public String skeEncKeyName;
    public String skeEncAlgo;
    public String immutable;
  }

  private static ReferenceMetadata strictMeta(String reply) throws Exception {
    assertThat(reply).startsWith("data:{");
    return STRICT.readValue(reply.substring(5), ReferenceMetadata.class);
  }

  private static String metaDataOf(String allReply) throws Exception {
    assertThat(allReply).startsWith("data:{");
    LookupAll all = STRICT.readValue(allReply.substring(5), LookupAll.class);
    assertThat(all.metaData).isNotNull();
    return "data:" + STRICT.readTree(allReply.substring(5)).get("metaData").toString();
  }
}
