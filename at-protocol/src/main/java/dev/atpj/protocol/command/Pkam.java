package dev.atpj.protocol.command;

/**
 * {@code pkam:[signingAlgo:<a>:][hashingAlgo:<h>:][enrollmentId:<id>:]<signature>}: answer the
 * challenge with a signature (B5). Absent prefixes stay null; the server applies the defaults
 * {@value #DEFAULT_SIGNING_ALGO} and {@value #DEFAULT_HASHING_ALGO}.
 *
 * @param signingAlgo {@code rsa2048} or {@code ecc_secp256r1}, or null
 * @param hashingAlgo {@code sha256} or {@code sha512}, or null
 * @param enrollmentId the APKAM enrollment id, or null for the legacy PKAM key
 * @param signature the base64 signature over the challenge
 */
public record Pkam(String signingAlgo, String hashingAlgo, String enrollmentId, String signature)
    implements Command {
  /** The signing algorithm when none is given. */
  public static final String DEFAULT_SIGNING_ALGO = "rsa2048";

  /** The hashing algorithm when none is given. */
  public static final String DEFAULT_HASHING_ALGO = "sha256";

  /** Validates the parts. */
  public Pkam {
    if (signingAlgo != null
        && !signingAlgo.equals("rsa2048")
        && !signingAlgo.equals("ecc_secp256r1")) {
      throw Checks.syntax("signingAlgo must be rsa2048 or ecc_secp256r1");
    }
    if (hashingAlgo != null && !hashingAlgo.equals("sha256") && !hashingAlgo.equals("sha512")) {
      throw Checks.syntax("hashingAlgo must be sha256 or sha512");
    }
    if (enrollmentId != null) {
      Checks.word(enrollmentId, "the enrollment id");
    }
    Checks.word(signature, "the signature");
  }

  /** A bare {@code pkam:<signature>}, as at_java sends it. */
  public Pkam(String signature) {
    this(null, null, null, signature);
  }

  @Override
  public Verb verb() {
    return Verb.PKAM;
  }

  @Override
  public String render() {
    StringBuilder out = new StringBuilder("pkam:");
    if (signingAlgo != null) {
      out.append("signingAlgo:").append(signingAlgo).append(':');
    }
    if (hashingAlgo != null) {
      out.append("hashingAlgo:").append(hashingAlgo).append(':');
    }
    if (enrollmentId != null) {
      out.append("enrollmentId:").append(enrollmentId).append(':');
    }
    return out.append(signature).toString();
  }
}
