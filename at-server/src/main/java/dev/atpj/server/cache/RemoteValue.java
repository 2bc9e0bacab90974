package dev.atpj.server.cache;

import dev.atpj.protocol.key.Metadata;

/**
 * Another atSign's key as read through this atServer, from its atServer or from the cached copy.
 *
 * @param key the name shown in the {@code all} shape: the cached copy's name ({@code
 *     cached:public:k@alice}, {@code cached:@me:k@alice}) or the remote one ({@code
 *     public:k@alice}, {@code @me:k@alice})
 * @param value the value; null when inactive
 * @param metadata the metadata; null when inactive or not sent
 * @param active false when the key exists but is not yet born or has expired ({@code data:null})
 * @param cached whether it came from the cached copy
 */
public record RemoteValue(
    String key, String value, Metadata metadata, boolean active, boolean cached) {
  /** An inactive key. */
  static RemoteValue inactive(String key) {
    return new RemoteValue(key, null, null, false, false);
  }
}
