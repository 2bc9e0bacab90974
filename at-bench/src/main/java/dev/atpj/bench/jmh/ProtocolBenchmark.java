package dev.atpj.bench.jmh;

import dev.atpj.protocol.command.Command;
import dev.atpj.protocol.command.CommandParser;
import dev.atpj.protocol.key.Metadata;
import dev.atpj.protocol.key.MetadataJson;
import dev.atpj.protocol.reply.ReplyRenderer;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Per-command costs every request pays: parsing the line and rendering the reply. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProtocolBenchmark {
  private final CommandParser parser = new CommandParser();
  private final ReplyRenderer renderer = new ReplyRenderer();
  private final Metadata metadata =
      Metadata.builder()
          .ttl(60_000L)
          .isEncrypted(true)
          .createdAt(Instant.parse("2024-01-01T00:00:00Z"))
          .updatedAt(Instant.parse("2024-01-02T00:00:00Z"))
          .version(3)
          .build();

  /** A typical owner read. */
  @Benchmark
  public Command parseLlookup() {
    return parser.parse("llookup:all:phone.wavi@alice");
  }

  /** A typical write with metadata options. */
  @Benchmark
  public Command parseUpdate() {
    return parser.parse(
        "update:ttl:60000:ttr:-1:ccd:true:isEncrypted:true:@bob:phone.wavi@alice +1 555 0100");
  }

  /** A data reply. */
  @Benchmark
  public String renderData() {
    return renderer.data("+1 555 0100");
  }

  /** Metadata JSON, as llookup:meta answers it. */
  @Benchmark
  public String renderMetadataJson() {
    return MetadataJson.render(metadata);
  }
}
