package dev.atpj.cli;

import dev.atpj.server.ServerVersion;
import picocli.CommandLine;

/** {@code atp --version}: the build's version. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"atp (atpj) " + ServerVersion.get(), "Java " + Runtime.version()};
  }
}
