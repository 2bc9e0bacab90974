package dev.atpj.cli.up;

import dev.atpj.pki.KeyAlgorithm;
import dev.atpj.pki.PkiConfig;
import dev.atpj.protocol.AtSign;
import java.util.List;
import java.util.Objects;

/**
 * What {@code atp up} was asked to run.
 *
 * @param layout the home folder's files
 * @param atSigns the atSigns to serve, in the order given
 * @param hostMode which addresses the atServers listen on
 * @param directoryPort the atDirectory's port; 0 for any free port (the same as last time when it
 *     is free)
 * @param basePort the port of the atSign in slot 1 (slot n gets basePort + n - 1); 0 for any free
 *     port per atServer (the same as last time when it is free)
 * @param keyAlgorithm the key type of the atDirectory's and atServers' certificates; certificates
 *     of another type are reissued at start
 */
public record PlatformSettings(
    PlatformLayout layout,
    List<AtSign> atSigns,
    HostMode hostMode,
    int directoryPort,
    int basePort,
    KeyAlgorithm keyAlgorithm) {
  /** Default atDirectory port. */
  public static final int DEFAULT_DIRECTORY_PORT = 46464;

  /** Default port of the first atServer. */
  public static final int DEFAULT_BASE_PORT = 47001;

  /** The atSigns served when none are named. */
  public static final List<AtSign> DEMO_ATSIGNS =
      List.of(AtSign.parse("@alice"), AtSign.parse("@bob"), AtSign.parse("@colin"));

  /**
   * Default key type of the servers' certificates: {@link PkiConfig#DEFAULT_SERVER_KEY_ALGORITHM}.
   */
  public static final KeyAlgorithm DEFAULT_KEY_ALGORITHM = PkiConfig.DEFAULT_SERVER_KEY_ALGORITHM;

  /** Validates. */
  public PlatformSettings {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(hostMode, "hostMode");
    Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
    atSigns = List.copyOf(atSigns.stream().distinct().toList());
    if (atSigns.isEmpty()) {
      throw new IllegalArgumentException("at least one atSign is needed");
    }
    if (directoryPort < 0 || directoryPort > 65535 || basePort < 0 || basePort > 65535) {
      throw new IllegalArgumentException("ports must be in 0..65535");
    }
  }
}
