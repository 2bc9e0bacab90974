package dev.atpj.server.ops;

import dev.atpj.server.ServerContext;
import dev.atpj.server.core.ServerTlsContext;
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
  private final ServerContext server;

  private OpsJobs(ServerContext server, ScheduledExecutorService scheduler, ServerTlsContext tls) {
    this.server = server;
    OpsConfig ops = server.config().ops();
    // The flush only submits writes and the certificate check only reads file attributes: both
    // run on the scheduler itself, so an idle server starts no ops thread for them.
    jobs.add(
        new PeriodicJob(
            "accessLog.flush",
            server.accessLog()::flush,
            scheduler,
            Runnable::run,
            ACCESS_LOG_FLUSH_INTERVAL));
    add(server, scheduler, LogCompactor.Kind.COMMIT_LOG, ops.commitLog());
    add(server, scheduler, LogCompactor.Kind.ACCESS_LOG, ops.accessLog());
    add(server, scheduler, LogCompactor.Kind.NOTIFICATION_LOG, ops.notificationLog());
    certificates = new CertificateWatcher(tls, server.atSign().toString());
    Duration check = ops.certificateCheckInterval();
    if (!check.isZero()) {
      jobs.add(new PeriodicJob("certificates", certificates, scheduler, Runnable::run, check));
    }
  }

  /**
   * Starts the jobs of a server and registers them to close with it.
   *
   * @param server the server
   * @param scheduler times the runs (an event loop)
   * @param tls the server's TLS context, for the certificate watcher
   * @return the jobs
   */
  public static OpsJobs start(
      ServerContext server, ScheduledExecutorService scheduler, ServerTlsContext tls) {
    OpsJobs jobs = new OpsJobs(server, scheduler, tls);
    server.closeWithServer(jobs);
    jobs.jobs.forEach(PeriodicJob::start);
    return jobs;
  }

  private void add(
      ServerContext server,
      ScheduledExecutorService scheduler,
      LogCompactor.Kind kind,
      LogCompaction policy) {
    if (policy.enabled()) {
      jobs.add(
          new PeriodicJob(
              kind.logName() + ".compaction",
              new LogCompactor(server, kind, policy),
              scheduler,
              server.opsExecutor(),
              policy.interval()));
    }
  }

  /** The certificate watcher, to check the files at once. */
  public CertificateWatcher certificates() {
    return certificates;
  }

  /** Stops the jobs and writes the access-log entries still waiting. */
  @Override
  public void close() {
    jobs.forEach(PeriodicJob::close);
    server.accessLog().flush().join();
  }
}
