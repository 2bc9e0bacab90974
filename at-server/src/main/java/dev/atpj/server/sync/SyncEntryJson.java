package dev.atpj.server.sync;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.protocol.key.MetadataJson;
import dev.atpj.store.CommitEntry;
import dev.atpj.store.StoredValue;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders sync entries as the reference does (docs/protocol.md B12): {@code
 * {"atKey":…,"value":…,"metadata":{…},"commitId":N,"operation":"+|#|*|-"}}, with every metadata
 * field as a string (as the reference's {@code toJson} then {@code toString} gives), unset fields
 * left out, {@code ccd} under its update-option name, {@code pubKeyHash} and {@code appMetadata} as
 * the JSON text of their objects, and {@code value} and {@code metadata} null for deletes. The
 * whitepaper form adds {@code opTime}.
 */
public final class SyncEntryJson {
  private static final JsonFactory JSON = new JsonFactory();

  private SyncEntryJson() {}

  /**
   * One entry of a page.
   *
   * @param entry the commit entry
   * @param value the key's stored value, or null for a delete (or a vanished key)
   */
  public record Item(CommitEntry entry, StoredValue value) {}

  /**
   * Renders a page as a JSON array of at most about {@code byteBudget} UTF-8 bytes: entries are
   * added in order while they fit, and the first one always does. The client continues after the
   * last commit id it received, so entries left out come in the next page.
   *
   * @param items the entries in commit order
   * @param withOpTime whether to add {@code opTime} (whitepaper {@code sync:<id>})
   * @param byteBudget the most bytes
   * @return the JSON array text
   */
  public static String render(List<Item> items, boolean withOpTime, long byteBudget) {
    StringBuilder out = new StringBuilder("[");
    long bytes = 2;
    for (Item item : items) {
      String entry = render(item, withOpTime);
      long size = utf8Length(entry) + 1;
      if (out.length() > 1) {
        if (bytes + size > byteBudget) {
          break;
        }
        out.append(',');
      }
      out.append(entry);
      bytes += size;
    }
    return out.append(']').toString();
  }

  private static String render(Item item, boolean withOpTime) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      write(g, item, withOpTime);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private static void write(JsonGenerator g, Item item, boolean withOpTime) throws IOException {
    CommitEntry e = item.entry();
    StoredValue v = item.value();
    g.writeStartObject();
    g.writeStringField("atKey", e.key());
    g.writeStringField("value", v == null ? null : v.value());
    if (v == null) {
      g.writeNullField("metadata");
    } else {
      g.writeFieldName("metadata");
      metadata(g, v.metadata());
    }
    g.writeNumberField("commitId", e.commitId());
    g.writeStringField("operation", String.valueOf(e.op().symbol()));
    if (withOpTime) {
      g.writeStringField("opTime", WireDates.format(e.opTime()));
    }
    g.writeEndObject();
  }

  private static void metadata(JsonGenerator g, Metadata m) throws IOException {
    g.writeStartObject();
    field(g, "createdBy", m.createdBy());
    field(g, "updatedBy", m.updatedBy());
    field(g, "createdAt", WireDates.format(m.createdAt()));
    field(g, "updatedAt", WireDates.format(m.updatedAt()));
    field(g, "availableAt", WireDates.format(m.availableAt()));
    field(g, "expiresAt", WireDates.format(m.expiresAt()));
    field(g, "refreshAt", WireDates.format(m.refreshAt()));
    field(g, "status", m.status());
    field(g, "version", m.version());
    field(g, "ttl", m.ttl());
    field(g, "ttb", m.ttb());
    field(g, "ttr", m.ttr());
    field(g, "ccd", m.ccd());
    field(g, "isBinary", m.isBinary());
    field(g, "isEncrypted", m.isEncrypted());
    field(g, "dataSignature", m.dataSignature());
    field(g, "sharedKeyStatus", m.sharedKeyStatus());
    field(g, "sharedKeyEnc", m.sharedKeyEnc());
    field(g, "pubKeyCS", m.pubKeyCS());
    field(g, "pubKeyHash", m.pubKeyHash() == null ? null : MetadataJson.renderPubKeyHash(m));
    field(g, "encoding", m.encoding());
    field(g, "encKeyName", m.encKeyName());
    field(g, "encAlgo", m.encAlgo());
    field(g, "ivNonce", m.ivNonce());
    field(g, "skeEncKeyName", m.skeEncKeyName());
    field(g, "skeEncAlgo", m.skeEncAlgo());
    field(g, "immutable", m.immutable());
    field(g, "appMetadata", m.appMetadata());
    g.writeEndObject();
  }

  private static void field(JsonGenerator g, String name, Object value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value.toString());
    }
  }
}
