package dev.atpj.cli.up;

import dev.atpj.cli.up.PlatformOnboarding.Result;
import dev.atpj.cli.up.PrivatePlatform.RunningAtSign;
import dev.atpj.protocol.AtSign;
import java.io.PrintWriter;
import java.util.Map;

/** What {@code atp up} prints for a person once the platform runs, ending with the ready line. */
final class UpReport {
  private final PrintWriter out;
  private final PrintWriter err;

  UpReport(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  void print(PrivatePlatform platform, Map<AtSign, Result> results, String metricsUrl) {
    PlatformLayout layout = platform.layout();
    String ca = platform.caFile().toString();
    int width =
        platform.atSigns().stream().mapToInt(a -> a.atSign().toString().length()).max().orElse(0);
    width = Math.max(width, "atDirectory".length());
    out.printf("  %-" + width + "s  %s%n", "atDirectory", platform.directoryAddress());
    for (RunningAtSign served : platform.atSigns()) {
      Result result = results.get(served.atSign());
      out.printf(
          "  %-" + width + "s  %s  %s%n",
          served.atSign(),
          served.address(),
          describe(result, layout, served));
    }
    err.flush();
    out.println("CA certificate: " + ca);
    out.println(
        "Java trust store: "
            + layout.trustStoreFile()
            + " (password "
            + PrivatePlatform.TRUST_STORE_PASSWORD
            + ")");
    out.println("Secrets, keys files and addresses: " + layout.platformFile());
    out.println("Talk to it with openssl, e.g.:");
    out.println("  openssl s_client -CAfile " + ca + " -connect " + platform.directoryAddress());
    if (!platform.atSigns().isEmpty()) {
      RunningAtSign first = platform.atSigns().get(0);
      out.println("  then type " + first.atSign().name() + " and get " + first.address());
      out.println("  openssl s_client -CAfile " + ca + " -connect " + first.address());
      out.println(
          "  then from:"
              + first.atSign()
              + " and cram:<hex SHA-512 of cramSecret followed by the challenge>");
    }
    if (metricsUrl != null) {
      out.println("Metrics (Prometheus): " + metricsUrl);
    }
    out.println("Stop with Ctrl-C.");
    out.println("ready " + layout.platformFile());
    out.flush();
  }

  private static String describe(Result result, PlatformLayout layout, RunningAtSign served) {
    String keys = layout.keysFile(served.atSign()).toString();
    return switch (result.outcome()) {
      case VERIFIED -> "keys " + keys;
      case ONBOARDED -> "onboarded, keys " + keys;
      case REONBOARDED -> "onboarded again (old keys refused), keys " + keys;
      case FAILED -> "not onboarded (CRAM only)";
    };
  }
}
