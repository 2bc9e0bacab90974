package dev.atpj.cli.common;

/** How a foreground command ({@code atp up}, {@code atp directory serve}) learns it should stop. */
public interface StopSignals {
  /**
   * Starts listening for a stop request.
   *
   * @return the signal; close it when the command ends
   */
  StopSignal arm();

  /** One armed stop request. */
  interface StopSignal extends AutoCloseable {
    /**
     * Waits until a stop is requested.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void await() throws InterruptedException;

    /**
     * Tells the requester that the command has stopped everything it ran.
     *
     * @param cleanly whether everything stopped without error
     */
    void stopped(boolean cleanly);

    /** Stops listening. */
    @Override
    void close();
  }
}
