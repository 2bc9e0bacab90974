package dev.atpj.cli.client;

import dev.atpj.client.notify.ConnectionListener;
import dev.atpj.protocol.AtSign;
import java.io.PrintWriter;

/**
 * What {@code atp monitor} says on stderr when its connection is lost and when it is back, so that
 * a silent monitor means no notifications, not a dead connection.
 *
 * @param err where the lines go
 * @param atSign the monitored atSign
 */
record MonitorConnectionReport(PrintWriter err, AtSign atSign) implements ConnectionListener {
  @Override
  public void onLost(String address) {
    say(
        "atp monitor: lost the connection to the atServer of "
            + atSign
            + " at "
            + address
            + "; reconnecting");
  }

  @Override
  public void onRestored(String address) {
    say("atp monitor: connected again to the atServer of " + atSign + " at " + address);
  }

  private void say(String line) {
    synchronized (err) {
      err.println(line);
      err.flush();
    }
  }
}
