package dev.atpj.protocol.laws;

import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.Command;
import dev.atpj.protocol.command.ConfigBlock;
import dev.atpj.protocol.command.ConfigSetting;
import dev.atpj.protocol.command.Cram;
import dev.atpj.protocol.command.Delete;
import dev.atpj.protocol.command.Exit;
import dev.atpj.protocol.command.From;
import dev.atpj.protocol.command.Info;
import dev.atpj.protocol.command.LLookup;
import dev.atpj.protocol.command.Lookup;
import dev.atpj.protocol.command.LookupShape;
import dev.atpj.protocol.command.Monitor;
import dev.atpj.protocol.command.Noop;
import dev.atpj.protocol.command.PLookup;
import dev.atpj.protocol.command.Pkam;
import dev.atpj.protocol.command.Pol;
import dev.atpj.protocol.command.Scan;
import dev.atpj.protocol.command.Stats;
import dev.atpj.protocol.command.Sync;
import dev.atpj.protocol.command.SyncFrom;
import dev.atpj.protocol.command.Update;
import dev.atpj.protocol.command.UpdateJson;
import dev.atpj.protocol.command.UpdateMeta;
import dev.atpj.protocol.key.AtKey;
import dev.atpj.protocol.key.KeyVisibility;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of canonical commands, one per verb family (notify family in {@link NotifyGen}). */
final class CommandGen {
  private CommandGen() {}

  static Arbitrary<Command> any() {
    return Arbitraries.oneOf(
        auth(),
        updates(),
        lookups(),
        scan(),
        monitor(),
        sync(),
        stats(),
        misc(),
        NotifyGen.notifies(),
        NotifyGen.notifyFamily(),
        ApkamGen.apkam());
  }

  static Arbitrary<Command> auth() {
    Arbitrary<String> versions =
        Arbitraries.integers().between(0, 60).map(n -> "{\"version\":\"3.0." + n + "\"}");
    Arbitrary<Command> from =
        Combinators.combine(Gen.atSigns(), versions.injectNull(0.5)).as(From::new);
    Arbitrary<Command> cram =
        Arbitraries.strings().withChars("0123456789abcdef").ofLength(128).map(Cram::new);
    Arbitrary<String> base64 =
        Arbitraries.strings().alpha().numeric().withChars("+/=").ofMinLength(1).ofMaxLength(60);
    Arbitrary<Command> pkam =
        Combinators.combine(
                Arbitraries.of("rsa2048", "ecc_secp256r1").injectNull(0.5),
                Arbitraries.of("sha256", "sha512").injectNull(0.5),
                Gen.words().injectNull(0.5),
                base64)
            .as(Pkam::new);
    return Arbitraries.oneOf(from, cram, pkam, Arbitraries.just(new Pol()));
  }

  static Arbitrary<Command> updates() {
    Arbitrary<Command> update =
        Combinators.combine(
                Gen.metadataOptions(), Gen.keys(true), Gen.values(), Arbitraries.of(false, true))
            .as(Update::new);
    Arbitrary<AtKey> metaKeys =
        Gen.keys(false)
            .filter(k -> k.owner() != null || k.visibility() == KeyVisibility.PRIVATEKEY);
    Arbitrary<Command> meta =
        Combinators.combine(metaKeys, Gen.metadataOptions(), Arbitraries.of(false, true))
            .as(UpdateMeta::new);
    Arbitrary<Command> json =
        Combinators.combine(Gen.entities(), Gen.words())
            .as(
                (k, v) ->
                    new UpdateJson(
                        "{\"atKey\":\"" + k.replace("\"", "") + "x\",\"value\":\"" + v + "\"}"));
    return Arbitraries.oneOf(update, update, meta, json);
  }

  static Arbitrary<Command> lookups() {
    Arbitrary<LookupShape> shapes = Arbitraries.of(LookupShape.values());
    Arbitrary<Boolean> bypass = Arbitraries.of(true, false).injectNull(0.5);
    Arbitrary<AtKey> owned = Gen.keys(false).filter(k -> k.owner() != null);
    Arbitrary<Command> llookup = Combinators.combine(shapes, Gen.keys(false)).as(LLookup::new);
    Arbitrary<Command> lookup = Combinators.combine(bypass, shapes, owned).as(Lookup::new);
    Arbitrary<Command> plookup = Combinators.combine(bypass, shapes, owned).as(PLookup::new);
    Arbitrary<Command> delete =
        Combinators.combine(Arbitraries.of("low", "medium", "high").injectNull(0.6), Gen.keys(true))
            .as(Delete::new);
    return Arbitraries.oneOf(llookup, lookup, plookup, delete);
  }

  static Arbitrary<Command> scan() {
    return Combinators.combine(
            Arbitraries.of(true, false).injectNull(0.5),
            Gen.atSigns().injectNull(0.6),
            Arbitraries.integers().between(0, 1000).injectNull(0.6),
            Gen.regexes().injectNull(0.5))
        .as(Scan::new);
  }

  static Arbitrary<Command> monitor() {
    return Combinators.combine(
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.longs().between(0, Long.MAX_VALUE).injectNull(0.4),
            Gen.regexes().injectNull(0.5))
        .as(Monitor::new);
  }

  static Arbitrary<Command> sync() {
    Arbitrary<Long> ids = Arbitraries.longs().between(-1, Long.MAX_VALUE);
    Arbitrary<Command> from =
        Combinators.combine(
                ids, Arbitraries.integers().between(0, 1000), Gen.regexes().injectNull(0.5))
            .as(SyncFrom::new);
    Arbitrary<Command> plain =
        Combinators.combine(ids, Gen.regexes().injectNull(0.5)).as(Sync::new);
    return Arbitraries.oneOf(from, plain);
  }

  static Arbitrary<Command> stats() {
    Arbitrary<Command> list =
        Arbitraries.integers().between(1, 15).list().ofMaxSize(4).map(ids -> new Stats(ids, null));
    Arbitrary<Command> filtered =
        Combinators.combine(Arbitraries.of(3, 15), Gen.regexes())
            .as((id, regex) -> new Stats(List.of(id), regex));
    return Arbitraries.oneOf(list, filtered);
  }

  static Arbitrary<Command> misc() {
    Arbitrary<Command> info = Arbitraries.of(true, false).map(Info::new);
    Arbitrary<Command> noop = Arbitraries.longs().between(0, Long.MAX_VALUE).map(Noop::new);
    Arbitrary<List<AtSign>> some = Gen.atSigns().list().ofMinSize(1).ofMaxSize(4);
    Arbitrary<Command> block =
        Arbitraries.oneOf(
            some.map(a -> new ConfigBlock(ConfigBlock.Operation.ADD, a)),
            some.map(a -> new ConfigBlock(ConfigBlock.Operation.REMOVE, a)),
            Arbitraries.just(new ConfigBlock(ConfigBlock.Operation.SHOW, List.of())));
    Arbitrary<String> names = Gen.words().map(w -> "a." + w);
    Arbitrary<Command> setting =
        Arbitraries.oneOf(
            Combinators.combine(names, Gen.words())
                .as((n, v) -> new ConfigSetting(ConfigSetting.Operation.SET, n, v)),
            names.map(n -> new ConfigSetting(ConfigSetting.Operation.RESET, n, null)),
            names.map(n -> new ConfigSetting(ConfigSetting.Operation.PRINT, n, null)));
    return Arbitraries.oneOf(info, noop, block, setting, Arbitraries.just(new Exit()));
  }
}
