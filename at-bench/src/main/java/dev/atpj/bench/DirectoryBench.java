package dev.atpj.bench;

import dev.atpj.directory.DirectoryConfig;
import dev.atpj.directory.DirectoryServer;
import dev.atpj.directory.InMemoryDirectoryRegistry;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import dev.atpj.server.core.ClientTlsContext;
import dev.atpj.server.core.EventLoops;
import dev.atpj.server.core.ServerTlsContext;
import java.util.ArrayList;
import java.util.List;

/** Directory lookups: an in-process atDirectory with {@code keys} atSigns, all hits. */
final class DirectoryBench {
  private DirectoryBench() {}

  static BenchResult run(
      BenchPki pki, BenchOptions options, EventLoops serverLoops, EventLoops clientLoops)
      throws InterruptedException {
    InMemoryDirectoryRegistry registry = new InMemoryDirectoryRegistry();
    for (int i = 0; i < options.keys(); i++) {
      registry.put(AtSign.parse("@bench" + i), new HostPort("10.0.0." + (i % 250 + 1), 6464));
    }
    ServerTlsContext tls = ServerTlsContext.load(pki.tlsFiles("directory"), false);
    DirectoryConfig config = DirectoryConfig.defaults(BenchPki.HOST, 0);
    try (DirectoryServer directory = DirectoryServer.start(serverLoops, config, tls, registry)) {
      ClientTlsContext clientTls = ClientTlsContext.create(pki.caFile(), null);
      List<LineBenchClient> clients = new ArrayList<>();
      try {
        for (int c = 0; c < options.connections(); c++) {
          clients.add(
              LineBenchClient.connect(
                  clientLoops,
                  clientTls,
                  BenchPki.HOST,
                  directory.port(),
                  LineBenchClient::stripDirectoryPrompt,
                  seq -> "bench" + (seq % options.keys()),
                  answer -> !answer.equals("null") && !answer.startsWith("error:")));
        }
        return ClosedLoopDriver.run(
            "atpj directory lookup", clients, options, CpuMeter.workerThreads(serverLoops));
      } finally {
        clients.forEach(LineBenchClient::close);
      }
    }
  }
}
