package dev.atpj.server.verb.data;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.command.LookupShape;
import dev.atpj.protocol.key.AtData;
import dev.atpj.protocol.key.MetadataJson;
import dev.atpj.server.verb.Reply;
import dev.atpj.store.StoredValue;

/** Reply shapes and errors shared by the data verbs. */
final class DataReplies {
  private DataReplies() {}

  /** AT0015 for a key that does not exist (docs/protocol.md A4). */
  static AtException notFound(String key) {
    return new AtException(AtErrorCode.KEY_NOT_FOUND, key + " does not exist in keystore");
  }

  /**
   * The reply of a lookup (docs/protocol.md B8): the value, the metadata JSON, or {@code
   * {"key","data","metaData"}}.
   *
   * @param shape which shape
   * @param key the stored key name, shown in the {@code all} shape
   * @param value the (possibly resolved) value
   * @param stored the stored value, for its metadata
   * @return the data reply
   */
  static Reply shaped(LookupShape shape, String key, String value, StoredValue stored) {
    switch (shape) {
      case META:
        return Reply.data(MetadataJson.render(stored.metadata()));
      case ALL:
        return Reply.data(new AtData(key, value, stored.metadata()).render());
      default:
        return Reply.data(value);
    }
  }

  /** A commit id reply. */
  static Reply commitId(Long id) {
    return Reply.data(id.longValue());
  }
}
