package dev.atpj.server.enroll;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Tells the atSign's approvers (its monitors) that an enrollment request waits. */
@FunctionalInterface
public interface EnrollmentNotifier {
  /**
   * Stores and pushes the self notification of a pending request.
   *
   * @param key the notification key, {@code <id>.new.enrollments.__manage}
   * @param value the JSON value, {@code {"encryptedAPKAMSymmetricKey":…}}
   * @param executor the connection's event loop
   * @return completes once it is durable
   */
  CompletableFuture<Void> pending(String key, String value, Executor executor);
}
