package dev.atpj.server;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.crypto.AtCrypto;
import dev.atpj.server.auth.AddressFailureLimiter;
import dev.atpj.server.data.AuthMethodGuard;
import dev.atpj.server.data.KeyPolicy;
import dev.atpj.server.data.KeyWriter;
import dev.atpj.server.enroll.Apkam;
import dev.atpj.server.enroll.EnrollHandler;
import dev.atpj.server.enroll.KeysHandler;
import dev.atpj.server.enroll.OtpHandler;
import dev.atpj.server.notify.NotificationService;
import dev.atpj.server.peer.Peers;
import dev.atpj.server.runtime.OpsExecutor;
import dev.atpj.server.stats.StatsSources;
import dev.atpj.server.verb.VerbHandler;
import dev.atpj.server.verb.auth.AuthAttempt;
import dev.atpj.server.verb.auth.CramHandler;
import dev.atpj.server.verb.auth.FromHandler;
import dev.atpj.server.verb.auth.PkamHandler;
import dev.atpj.server.verb.basic.InfoHandler;
import dev.atpj.server.verb.basic.NoopHandler;
import dev.atpj.server.verb.config.ConfigBlockHandler;
import dev.atpj.server.verb.config.ConfigSettingHandler;
import dev.atpj.server.verb.data.DeleteHandler;
import dev.atpj.server.verb.data.LLookupHandler;
import dev.atpj.server.verb.data.LookupHandler;
import dev.atpj.server.verb.data.ScanHandler;
import dev.atpj.server.verb.data.UpdateHandler;
import dev.atpj.server.verb.data.UpdateJsonHandler;
import dev.atpj.server.verb.data.UpdateMetaHandler;
import dev.atpj.server.verb.monitor.MonitorHandler;
import dev.atpj.server.verb.notify.NotifyAllHandler;
import dev.atpj.server.verb.notify.NotifyFetchHandler;
import dev.atpj.server.verb.notify.NotifyHandler;
import dev.atpj.server.verb.notify.NotifyListHandler;
import dev.atpj.server.verb.notify.NotifyRemoveHandler;
import dev.atpj.server.verb.notify.NotifyStatusHandler;
import dev.atpj.server.verb.peer.BlockedPeers;
import dev.atpj.server.verb.peer.PLookupHandler;
import dev.atpj.server.verb.peer.PeerFrom;
import dev.atpj.server.verb.peer.PolHandler;
import dev.atpj.server.verb.peer.RemoteLookup;
import dev.atpj.server.verb.peer.RemoteScan;
import dev.atpj.server.verb.stats.StatsHandler;
import dev.atpj.server.verb.sync.SyncFromHandler;
import dev.atpj.server.verb.sync.SyncHandler;
import dev.atpj.store.AtStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The verbs this atServer implements: one line per verb, in the protocol's order, each handler
 * given in its constructor exactly the services it uses.
 */
final class ServerVerbs {
  private ServerVerbs() {}

  /** Every handler, built on the started services of one server (with APKAM's shared services). */
  static List<VerbHandler<?>> all(
      Apkam apkam,
      AtServerConfig config,
      AtStore store,
      Clock clock,
      Instant startedAt,
      AtCrypto crypto,
      KeyPolicy keyPolicy,
      KeyWriter keyWriter,
      AddressFailureLimiter authFailures,
      Peers peers,
      NotificationService notifications,
      StatsSources stats,
      OpsExecutor opsExecutor) {
    AtSign me = config.atSign();
    AuthAttempt attempts = new AuthAttempt(me, clock, authFailures, config.authLimits());
    BlockedPeers blockedPeers = new BlockedPeers(peers.blockList());
    AuthMethodGuard authMethods = new AuthMethodGuard(store, crypto);
    return List.of(
        new FromHandler(me, clock, new PeerFrom(me, clock, peers)),
        new CramHandler(store, attempts),
        new PkamHandler(store, crypto, attempts, apkam.enrollments(), apkam.connections()),
        new PolHandler(clock, peers),
        new UpdateHandler(keyPolicy, keyWriter, authMethods),
        new UpdateJsonHandler(keyPolicy, keyWriter),
        new UpdateMetaHandler(keyPolicy, keyWriter),
        new LLookupHandler(store, clock),
        new LookupHandler(
            me,
            store,
            clock,
            peers.cache(),
            peers.cookies(),
            blockedPeers,
            new RemoteLookup(me, peers.cache())),
        new PLookupHandler(me, store, clock, peers.cache()),
        new DeleteHandler(keyPolicy, keyWriter, authMethods),
        new ScanHandler(me, store, clock, opsExecutor, blockedPeers, new RemoteScan(peers)),
        new SyncFromHandler(store, config.ops(), opsExecutor),
        new SyncHandler(store, config.ops(), opsExecutor),
        new StatsHandler(stats, opsExecutor),
        new NotifyHandler(notifications),
        new NotifyAllHandler(notifications),
        new NotifyListHandler(notifications, opsExecutor),
        new NotifyStatusHandler(notifications),
        new NotifyFetchHandler(notifications),
        new NotifyRemoveHandler(notifications),
        new MonitorHandler(notifications),
        new InfoHandler(startedAt, clock, ServerVersion.get()),
        new NoopHandler(),
        new ConfigBlockHandler(me, peers.blockList()),
        new ConfigSettingHandler(),
        new EnrollHandler(apkam),
        new OtpHandler(apkam.passwords()),
        new KeysHandler(apkam.enrollments(), apkam.store(), apkam.atSign()));
  }
}
