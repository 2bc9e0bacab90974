package dev.atpj.cli.client;

import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.KeyVisibility;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How a command names a key: a full key ({@code public:phone@alice}, {@code @bob:phone@alice},
 * {@code phone@alice}) or a bare name ({@code phone}: the atSign's own self key) made public with
 * {@code --public} or shared with {@code --shared-with @bob}.
 */
public final class KeyArgument {
  @Option(names = "--public", description = "A public key (public:NAME@ME): signed, in clear.")
  boolean isPublic;

  @Option(
      names = "--shared-with",
      paramLabel = "@NAME",
      converter = dev.atpj.cli.common.Converters.AtSignConverter.class,
      description = "A key shared with another atSign (@NAME:KEY@ME), encrypted for it.")
  AtSign sharedWith;

  /**
   * The key a command means.
   *
   * @param spec the command (for usage errors)
   * @param text the key as typed
   * @return the key; its owner may be absent (the client's atSign)
   * @throws ParameterException for an invalid key or contradicting options
   */
  public AtKey key(CommandSpec spec, String text) {
    AtKey parsed;
    try {
      parsed = AtKey.parse(text);
    } catch (AtException e) {
      throw new ParameterException(
          spec.commandLine(), "'" + text + "' is not a valid key: " + e.detail());
    }
    if (isPublic && sharedWith != null) {
      throw new ParameterException(
          spec.commandLine(), "--public and --shared-with exclude each other");
    }
    if (!isPublic && sharedWith == null) {
      return parsed;
    }
    if (parsed.cached() || parsed.visibility() != KeyVisibility.SELF) {
      throw new ParameterException(
          spec.commandLine(),
          "give a plain name such as 'phone' with --public or --shared-with, not '" + text + "'");
    }
    return isPublic
        ? AtKey.ofPublic(parsed.entity(), parsed.owner())
        : AtKey.ofShared(sharedWith, parsed.entity(), parsed.owner());
  }
}
