package dev.atpj.server.verb;

import dev.atpj.server.enroll.Apkam;
import dev.atpj.server.enroll.EnrollHandler;
import dev.atpj.server.enroll.KeysHandler;
import dev.atpj.server.enroll.OtpHandler;
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
import dev.atpj.server.verb.peer.PLookupHandler;
import dev.atpj.server.verb.peer.PolHandler;
import dev.atpj.server.verb.stats.StatsHandler;
import dev.atpj.server.verb.sync.SyncFromHandler;
import dev.atpj.server.verb.sync.SyncHandler;
import java.util.List;

/** The verbs this atServer implements: one line per verb, in the protocol's order. */
public final class ServerVerbs {
  private ServerVerbs() {}

  /**
   * Every handler.
   *
   * @param apkam the services the APKAM verbs share
   * @return the handlers
   */
  public static List<VerbHandler<?>> all(Apkam apkam) {
    return List.of(
        new FromHandler(),
        new CramHandler(),
        new PkamHandler(apkam.enrollments(), apkam.connections()),
        new PolHandler(),
        new UpdateHandler(),
        new UpdateJsonHandler(),
        new UpdateMetaHandler(),
        new LLookupHandler(),
        new LookupHandler(),
        new PLookupHandler(),
        new DeleteHandler(),
        new ScanHandler(),
        new SyncFromHandler(),
        new SyncHandler(),
        new StatsHandler(),
        new NotifyHandler(),
        new NotifyAllHandler(),
        new NotifyListHandler(),
        new NotifyStatusHandler(),
        new NotifyFetchHandler(),
        new NotifyRemoveHandler(),
        new MonitorHandler(),
        new InfoHandler(),
        new NoopHandler(),
        new ConfigBlockHandler(),
        new ConfigSettingHandler(),
        new EnrollHandler(apkam),
        new OtpHandler(apkam.passwords()),
        new KeysHandler(apkam.enrollments(), apkam.store(), apkam.atSign()));
  }
}
