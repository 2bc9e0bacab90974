package dev.atpj.cli.client;

import dev.atpj.cli.common.CliEnvironment;
import dev.atpj.cli.common.CliException;
import dev.atpj.cli.common.Converters;
import dev.atpj.cli.up.PlatformInfo;
import dev.atpj.cli.up.PlatformLayout;
import dev.atpj.client.AtClient;
import dev.atpj.client.connection.ClientOptions;
import dev.atpj.client.data.ProtocolVersion;
import dev.atpj.client.keys.AtKeys;
import dev.atpj.client.keys.AtKeysFile;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.protocol.crypto.AtCrypto;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options every client command shares: which platform ({@code --platform FILE}, by default the
 * {@code platform.json} of the home folder, or {@code --root HOST:PORT --keys FILE --ca FILE}),
 * which atSign ({@code --as}), the protocol version and the timeout.
 */
public final class TargetOptions {
  private final AtCrypto crypto = new AtCrypto();

  /** Where at_java keeps keys files: {@code ~/.atsign/keys}. */
  static final String AT_JAVA_KEYS = ".atsign/keys";

  @Option(
      names = "--as",
      paramLabel = "@NAME",
      converter = Converters.AtSignConverter.class,
      description =
          "The atSign to act as (default: the one atSign of the platform, or the atSign the"
              + " --keys file is named after).")
  AtSign as;

  @Option(
      names = "--platform",
      paramLabel = "FILE",
      description =
          "The platform.json of a running `atp up` (default: <home>/platform.json; see --home).")
  Path platform;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "Home folder of `atp up` (default: $ATPJ_HOME, else ~/.atpj).")
  Path home;

  @Option(
      names = "--root",
      paramLabel = "HOST:PORT",
      converter = Converters.HostPortConverter.class,
      description =
          "An atDirectory to use instead of a platform.json, e.g. root.atsign.org:64 (then"
              + " --keys, default ~/.atsign/keys/@NAME_key.atKeys, and --ca, default the JDK's"
              + " trust store).")
  HostPort root;

  @Option(
      names = "--keys",
      paramLabel = "FILE",
      description = "The atKeys file (at_java or Dart SDK format).")
  Path keys;

  @Option(
      names = "--ca",
      paramLabel = "FILE",
      description = "PEM file of the CA to trust (default: the platform's CA, or the JDK's).")
  Path ca;

  @Option(
      names = "--protocol",
      paramLabel = "1.5|2.0",
      converter = ProtocolConverter.class,
      defaultValue = "1.5",
      description =
          "Protocol version written: 1.5 (zero IV, readable by at_java; default) or 2.0 (ivNonce"
              + " and sharedKeyEnc, as the Dart SDK with atProtocolEmitted 2.0).")
  ProtocolVersion protocol;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = Converters.PositiveDurationConverter.class,
      defaultValue = "20s",
      description =
          "How long the command may take, all steps together: atDirectory lookup, connect, TLS,"
              + " authentication and requests (monitor, raw, repl: each step; default:"
              + " ${DEFAULT-VALUE}).")
  Duration timeout;

  /** When the command started: its --timeout counts from here. */
  private final Instant startedAt = Instant.now();

  /** Whether --timeout bounds each step only (commands that run until stopped). */
  private boolean eachStep;

  /**
   * Where an atSign lives and what to use with it.
   *
   * @param atSign the atSign
   * @param directory the atDirectory
   * @param ca the CA to trust, or null for the JDK's trust store
   * @param keysFile the atKeys file (may not exist yet)
   * @param cramSecret the CRAM secret from platform.json, or null
   * @param home the home folder (for replicas)
   */
  public record Target(
      AtSign atSign, HostPort directory, Path ca, Path keysFile, String cramSecret, Path home) {}

  /**
   * Works out the target from the options.
   *
   * @param environment the process environment
   * @return the target
   * @throws CliException when the platform file is missing or does not know the atSign
   */
  public Target resolve(CliEnvironment environment) {
    Path homeDir = environment.home(home);
    if (root != null) {
      AtSign atSign = as != null ? as : fromKeysFileName(keys);
      if (atSign == null) {
        throw new CliException(
            "which atSign? add --as @NAME (or a --keys file named @NAME_key.atKeys)");
      }
      Path file =
          keys != null
              ? keys
              : environment.userHome().resolve(AT_JAVA_KEYS).resolve(AtKeysFile.fileName(atSign));
      return new Target(atSign, root, ca, file.toAbsolutePath(), null, homeDir);
    }
    Path file = platform != null ? platform : new PlatformLayout(homeDir).platformFile();
    PlatformInfo info =
        PlatformInfo.read(
            file,
            "start a platform with `atp up`, or name one with --platform FILE, or use --root"
                + " HOST:PORT --keys FILE");
    AtSign atSign = as != null ? as : fromKeysFileName(keys);
    if (atSign == null) {
      if (info.atSigns().size() != 1) {
        throw new CliException(
            "which atSign? add --as, one of "
                + info.atSigns().keySet().stream()
                    .map(AtSign::toString)
                    .collect(Collectors.joining(", ")));
      }
      atSign = info.atSigns().keySet().iterator().next();
    }
    PlatformInfo.Entry entry = info.atSigns().get(atSign);
    if (entry == null && keys == null) {
      throw new CliException(
          file
              + " has no "
              + atSign
              + " (it has "
              + info.atSigns().keySet().stream()
                  .map(AtSign::toString)
                  .collect(Collectors.joining(", "))
              + "); start it with `atp up --atsigns ...`");
    }
    Path keysFile =
        keys != null
            ? keys
            : entry.keysFile() != null
                ? entry.keysFile()
                : homeDir.resolve("keys").resolve(AtKeysFile.fileName(atSign));
    return new Target(
        atSign,
        info.directory(),
        ca != null ? ca : info.caFile(),
        keysFile.toAbsolutePath(),
        entry == null ? null : entry.cramSecret(),
        homeDir);
  }

  /**
   * The SDK's connection options for a target: its CA and this command's timeout, a deadline for
   * the whole command unless {@link #timeoutForEachStep()} was called.
   */
  public ClientOptions sdkOptions(Target target) {
    Duration connect =
        timeout.compareTo(ClientOptions.DEFAULT_CONNECT_TIMEOUT) < 0
            ? timeout
            : ClientOptions.DEFAULT_CONNECT_TIMEOUT;
    return ClientOptions.defaults()
        .withTrustedCa(target.ca())
        .withTimeouts(connect, timeout)
        .withDeadline(eachStep ? null : startedAt.plus(timeout));
  }

  /**
   * Makes --timeout bound each step instead of the whole command: for commands that run until
   * stopped ({@code monitor}, {@code raw}, {@code repl}).
   *
   * @return these options
   */
  public TargetOptions timeoutForEachStep() {
    eachStep = true;
    return this;
  }

  /**
   * A client builder for the target, with its keys loaded.
   *
   * @param target the target
   * @return the builder (add a replica, then build)
   * @throws CliException when the keys file is missing
   */
  public AtClient.Builder client(Target target) {
    return clientWithoutKeys(target).keys(readKeys(target));
  }

  /**
   * Reads the target's keys file.
   *
   * @param target the target
   * @return its keys
   * @throws CliException naming the file when it is missing, unreadable or not an atKeys file
   */
  public AtKeys readKeys(Target target) {
    requireKeysFile(target);
    Path file = target.keysFile();
    try {
      return new AtKeysFile(crypto).read(file);
    } catch (AtException e) {
      throw new CliException(
          file
              + " is not a usable atKeys file ("
              + e.detail()
              + "); onboard again or name another"
              + " file with --keys",
          e);
    } catch (UncheckedIOException e) {
      throw new CliException("cannot read " + file + ": " + e.getCause().getMessage(), e);
    }
  }

  /**
   * Checks that the target's keys file exists.
   *
   * @param target the target
   * @throws CliException when it does not
   */
  public void requireKeysFile(Target target) {
    if (!Files.isRegularFile(target.keysFile())) {
      throw new CliException(
          "no keys file "
              + target.keysFile()
              + " for "
              + target.atSign()
              + ": onboard it with `atp onboard --as "
              + target.atSign()
              + "`, or name the file with --keys");
    }
  }

  /** A client builder for the target without keys (for onboarding). */
  public AtClient.Builder clientWithoutKeys(Target target) {
    return AtClient.builder(target.atSign())
        .directory(target.directory())
        .options(sdkOptions(target))
        .protocol(protocol);
  }

  /** When this command's --timeout runs out (counted from its start). */
  public Instant deadline() {
    return startedAt.plus(timeout);
  }

  /** This command's timeout. */
  public Duration timeout() {
    return timeout;
  }

  private static AtSign fromKeysFileName(Path file) {
    if (file == null) {
      return null;
    }
    String name = file.getFileName().toString();
    int end = name.indexOf("_key.atKeys");
    if (!name.startsWith("@") || end < 2) {
      return null;
    }
    return AtSign.isValid(name.substring(0, end)) ? AtSign.parse(name.substring(0, end)) : null;
  }

  /** {@code 1.5} or {@code 2.0}. */
  public static final class ProtocolConverter implements ITypeConverter<ProtocolVersion> {
    @Override
    public ProtocolVersion convert(String value) {
      try {
        return ProtocolVersion.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
