package dev.atpj.server.enroll;

import dev.atpj.protocol.AtSign;
import dev.atpj.store.AtStore;
import java.time.Clock;
import java.time.Duration;

/**
 * What the APKAM verbs of one atServer share, built once when it starts.
 *
 * @param enrollments the enrollments in the atSign's store
 * @param passwords the live one-time passwords
 * @param connections the open connections of each enrollment
 * @param notifier tells approvers about pending requests
 * @param clock the clock
 * @param pendingLifetime how long a request waits for an approver before it expires
 * @param store the atSign's storage, where {@code keys:put} writes
 * @param atSign the atSign
 */
public record Apkam(
    EnrollmentStore enrollments,
    OneTimePasswords passwords,
    EnrolledConnections connections,
    EnrollmentNotifier notifier,
    Clock clock,
    Duration pendingLifetime,
    AtStore store,
    AtSign atSign) {
  /** How long a pending request lives (the reference's {@code enrollmentExpiryInHours}, 48). */
  public static final Duration DEFAULT_PENDING_LIFETIME = Duration.ofHours(48);

  /** How long the {@code __manage} notification of a pending request is kept (24 hours). */
  public static final Duration NOTIFICATION_LIFETIME = Duration.ofHours(24);

  /**
   * The services of one atSign.
   *
   * @param store its storage
   * @param clock the clock
   * @param me the atSign
   * @param notifier tells approvers about pending requests
   * @return the services
   */
  public static Apkam of(AtStore store, Clock clock, AtSign me, EnrollmentNotifier notifier) {
    return new Apkam(
        new EnrollmentStore(store, clock, me),
        new OneTimePasswords(clock),
        new EnrolledConnections(),
        notifier,
        clock,
        DEFAULT_PENDING_LIFETIME,
        store,
        me);
  }
}
