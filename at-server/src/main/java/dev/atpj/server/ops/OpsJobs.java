package dev.atpj.server.ops;

import dev.atpj.protocol.AtSign;
import dev.atpj.server.core.ServerTlsContext;
import dev.atpj.server.metrics.ServerMetrics;
import dev.atpj.server.runtime.OpsExecutor;
import dev.atpj.server.runtime.PeriodicJob;
import dev.atpj.server.stats.AccessLog;
import dev.atpj.store.AtStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * An atServer's background jobs: compaction of the commit, access and notification logs, the
 * certificate watcher, each on its own interval (zero turns it off), and the access-log flush. They
 * close with the server.
 */
public final class OpsJobs implements AutoCloseable {
  /** How often waiting access-log entries are written. */
  public static final Duration ACCESS_LOG_FLUSH_INTERVAL = Duration.ofSeconds(1);

  private final List<PeriodicJob> jobs = new ArrayList<>();
  private final CertificateWatcher certificates;
  private final AccessLog accessLog;

  private OpsJobs(
      AtSign me,
      OpsConfig ops,
      AtStore store,
      Clock clock,
      ServerMetrics metrics,
      AccessLog accessLog,
      OpsExecutor opsExecutor,
      ScheduledExecutorService scheduler,
      ServerTlsContext tls) {
    this.accessLog = accessLog;
    LogCompactors compactors = new LogCompactors(me, store, clock, metrics, opsExecutor, scheduler);
    // The flush only submits writes and the certificate check only reads file attributes: both
    // run on the scheduler itself, so an idle server starts no ops thread for them.
    jobs.add(
        new PeriodicJob(
            "accessLog.flush",
            accessLog::flush,
            scheduler,
            Runnable::run,
            ACCESS_LOG_FLUSH_INTERVAL));
    add(compactors, LogCompactor.Kind.COMMIT_LOG, ops.commitLog());
    add(compactors, LogCompactor.Kind.ACCESS_LOG, ops.accessLog());
    add(compactors, LogCompactor.Kind.NOTIFICATION_LOG, ops.notificationLog());
    certificates = new CertificateWatcher(tls, me.toString());
    Duration check = ops.certificateCheckInterval();
    if (!check.isZero()) {
      jobs.add(new PeriodicJob("certificates", certificates, scheduler, Runnable::run, check));
    }
  }

  /**
   * Starts the jobs of a server; close them with it, before its storage.
   *
   * @param me the atSign the server serves
   * @param ops the jobs' settings
   * @param store the atSign's storage
   * @param clock the clock
   * @param metrics where compactions are counted
   * @param accessLog the access log to flush
   * @param opsExecutor where compactions run
   * @param scheduler times the runs (an event loop)
   * @param tls the server's TLS context, for the certificate watcher
   * @return the jobs
   */
  public static OpsJobs start(
      AtSign me,
      OpsConfig ops,
      AtStore store,
      Clock clock,
      ServerMetrics metrics,
      AccessLog accessLog,
      OpsExecutor opsExecutor,
      ScheduledExecutorService scheduler,
      ServerTlsContext tls) {
    OpsJobs jobs =
        new OpsJobs(me, ops, store, clock, metrics, accessLog, opsExecutor, scheduler, tls);
    jobs.jobs.forEach(PeriodicJob::start);
    return jobs;
  }

  private void add(LogCompactors compactors, LogCompactor.Kind kind, LogCompaction policy) {
    if (policy.enabled()) {
      jobs.add(
          new PeriodicJob(
              kind.logName() + ".compaction",
              new LogCompactor(
                  compactors.me(),
                  compactors.store(),
                  compactors.clock(),
                  compactors.metrics(),
                  kind,
                  policy),
              compactors.scheduler(),
              compactors.opsExecutor(),
              policy.interval()));
    }
  }

  /** What every log's compaction job is built from. */
  private record LogCompactors(
      AtSign me,
      AtStore store,
      Clock clock,
      ServerMetrics metrics,
      OpsExecutor opsExecutor,
      ScheduledExecutorService scheduler) {}

  /** The certificate watcher, to check the files at once. */
  public CertificateWatcher certificates() {
    return certificates;
  }

  /** Stops the jobs and writes the access-log entries still waiting. */
  @Override
  public void close() {
    jobs.forEach(PeriodicJob::close);
    accessLog.flush().join();
  }
}
