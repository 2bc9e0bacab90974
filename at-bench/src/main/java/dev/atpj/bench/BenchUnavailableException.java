package dev.atpj.bench;

/**
 * A target that cannot run on this machine (e.g. {@code redis-server} is not installed); the runner
 * reports it in one line and goes on with the other targets.
 */
public final class BenchUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line: what is missing and how to get it
   */
  public BenchUnavailableException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message one line: what is missing and how to get it
   * @param cause the underlying failure
   */
  public BenchUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
