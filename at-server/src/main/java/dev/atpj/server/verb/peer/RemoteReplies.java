package dev.atpj.server.verb.peer;

import dev.atpj.protocol.command.LookupShape;
import dev.atpj.protocol.key.AtData;
import dev.atpj.protocol.key.MetadataJson;
import dev.atpj.server.cache.RemoteValue;
import dev.atpj.server.verb.Reply;

/** Reply shapes of another atSign's key read through this server (docs/protocol.md B8). */
final class RemoteReplies {
  private RemoteReplies() {}

  /**
   * The value, the metadata JSON, or {@code {"key","data","metaData"}} whose {@code key} names the
   * cached copy ({@code cached:…}) or the remote key; {@code data:null} for an inactive key.
   */
  static Reply shaped(LookupShape shape, RemoteValue found) {
    if (!found.active()) {
      return Reply.data(null);
    }
    switch (shape) {
      case META:
        return Reply.data(found.metadata() == null ? null : MetadataJson.render(found.metadata()));
      case ALL:
        return Reply.data(new AtData(found.key(), found.value(), found.metadata()).render());
      default:
        return Reply.data(found.value());
    }
  }
}
