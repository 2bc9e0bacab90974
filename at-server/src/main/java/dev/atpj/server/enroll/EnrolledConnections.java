package dev.atpj.server.enroll;

import dev.atpj.server.core.Connection;
import dev.atpj.server.session.SessionContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open connections authenticated as each enrollment, so that revoking an enrollment closes them
 * at once (issue 12; docs/protocol.md B15). Thread-safe.
 */
public final class EnrolledConnections {
  private final Map<String, Set<Connection>> byEnrollment = new ConcurrentHashMap<>();

  /**
   * Records that a connection is now authenticated as an enrollment; it is forgotten when closed.
   * Call on the connection's event loop.
   *
   * @param enrollmentId the enrollment
   * @param session the connection's session
   */
  public void add(String enrollmentId, SessionContext session) {
    Connection connection = session.connection();
    byEnrollment.computeIfAbsent(enrollmentId, id -> ConcurrentHashMap.newKeySet()).add(connection);
    session.onClose(() -> remove(enrollmentId, connection));
  }

  /**
   * Closes every open connection of an enrollment.
   *
   * @param enrollmentId the enrollment
   * @return how many were closed
   */
  public int closeAll(String enrollmentId) {
    Set<Connection> open = byEnrollment.remove(enrollmentId);
    if (open == null) {
      return 0;
    }
    List<Connection> copy = List.copyOf(open);
    copy.forEach(Connection::close);
    return copy.size();
  }

  private void remove(String enrollmentId, Connection connection) {
    byEnrollment.computeIfPresent(
        enrollmentId,
        (id, set) -> {
          set.remove(connection);
          return set.isEmpty() ? null : set;
        });
  }
}
