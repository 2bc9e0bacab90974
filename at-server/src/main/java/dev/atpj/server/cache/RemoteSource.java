package dev.atpj.server.cache;

import dev.atpj.protocol.key.AtKey;
import java.util.concurrent.CompletableFuture;

/** Where {@link RemoteCache} reads other atSigns' keys from: their atServers. */
@FunctionalInterface
public interface RemoteSource {
  /**
   * Sends {@code lookup:all:<entity>@<owner>} to the owner's atServer.
   *
   * @param origin the key as the owner stores it for this atServer: {@code public:<k>@<owner>}
   *     (asked without authentication) or {@code @<me>:<k>@<owner>} (asked after {@code pol})
   * @return the payload after {@code data:}: the JSON of the value and metadata, or {@code null};
   *     fails with the other atServer's error (AT0015 when the key does not exist) or a connection
   *     error
   */
  CompletableFuture<String> lookupAll(AtKey origin);
}
