package dev.atpj.protocol.command;

/**
 * {@code cram:<digest>}: answer the challenge with the hex SHA-512 of secret plus challenge (B5).
 *
 * @param digest the digest as sent
 */
public record Cram(String digest) implements Command {
  /** Validates that a digest is given. */
  public Cram {
    Checks.nonEmpty(digest, "the digest");
  }

  @Override
  public Verb verb() {
    return Verb.CRAM;
  }

  @Override
  public String render() {
    return "cram:" + digest;
  }
}
