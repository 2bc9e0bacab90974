package dev.atpj.protocol.laws;

import dev.atpj.protocol.command.Command;
import dev.atpj.protocol.command.MessageType;
import dev.atpj.protocol.command.Notify;
import dev.atpj.protocol.command.NotifyAll;
import dev.atpj.protocol.command.NotifyFetch;
import dev.atpj.protocol.command.NotifyList;
import dev.atpj.protocol.command.NotifyOperation;
import dev.atpj.protocol.command.NotifyPriority;
import dev.atpj.protocol.command.NotifyRemove;
import dev.atpj.protocol.command.NotifyStatus;
import dev.atpj.protocol.command.NotifyStrategy;
import dev.atpj.protocol.key.AtKey;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of canonical notify-family commands. */
final class NotifyGen {
  private NotifyGen() {}

  /** The notify-specific options of a {@link Notify}, before the metadata and the payload. */
  private record Head(
      String id,
      NotifyOperation operation,
      MessageType messageType,
      NotifyPriority priority,
      NotifyStrategy strategy,
      Integer latestN,
      String notifier,
      Long ttln) {}

  private static Arbitrary<Head> heads() {
    return Combinators.combine(
            Gen.words().injectNull(0.5),
            Arbitraries.of(NotifyOperation.values()).injectNull(0.5),
            Arbitraries.of(MessageType.values()).injectNull(0.5),
            Arbitraries.of(NotifyPriority.values()).injectNull(0.6),
            Arbitraries.of(NotifyStrategy.values()).injectNull(0.6),
            Arbitraries.integers().between(0, 100).injectNull(0.7),
            Arbitraries.oneOf(Gen.words(), Arbitraries.of("SYSTEM", "public", "@x"))
                .injectNull(0.4),
            Arbitraries.longs().between(0, 10_000_000).injectNull(0.6))
        .as(Head::new)
        .filter(h -> h.strategy() != NotifyStrategy.LATEST || h.notifier() != null);
  }

  static Arbitrary<Command> notifies() {
    return Combinators.combine(
            heads(),
            Gen.metadataOptions(),
            Gen.atSigns().injectNull(0.2),
            Gen.entities(),
            Gen.atSigns().injectNull(0.3),
            Gen.values(),
            Arbitraries.of(true, false))
        .as(
            (h, options, to, entity, owner, payload, withValue) -> {
              if (h.messageType() == MessageType.TEXT) {
                return new Notify(
                    h.id(),
                    h.operation(),
                    h.messageType(),
                    h.priority(),
                    h.strategy(),
                    h.latestN(),
                    h.notifier(),
                    h.ttln(),
                    options,
                    to,
                    null,
                    payload,
                    null);
              }
              AtKey key =
                  to == null ? AtKey.ofPublic(entity, owner) : AtKey.ofShared(to, entity, owner);
              return (Command)
                  new Notify(
                      h.id(),
                      h.operation(),
                      h.messageType(),
                      h.priority(),
                      h.strategy(),
                      h.latestN(),
                      h.notifier(),
                      h.ttln(),
                      options,
                      to,
                      key,
                      null,
                      withValue ? payload : null);
            });
  }

  static Arbitrary<Command> notifyFamily() {
    Arbitrary<Command> all =
        Combinators.combine(
                Arbitraries.of(NotifyOperation.values()).injectNull(0.5),
                Arbitraries.of(MessageType.values()).injectNull(0.5),
                Gen.metadataOptions(),
                Gen.atSigns().list().ofMinSize(1).ofMaxSize(4),
                Gen.entities(),
                Gen.atSigns().injectNull(0.3),
                Gen.values().injectNull(0.4))
            .as(
                (op, type, options, to, entity, owner, value) ->
                    new NotifyAll(op, type, options, to, AtKey.ofSelf(entity, owner), value));
    Arbitrary<String> dates =
        Combinators.combine(
                Arbitraries.integers().between(1970, 2999),
                Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 28))
            .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
    Arbitrary<Command> list =
        Combinators.combine(
                dates.injectNull(0.4),
                dates,
                Gen.regexes().injectNull(0.5),
                Arbitraries.of(true, false))
            .as(
                (from, to, regex, both) ->
                    new NotifyList(from, from != null && both ? to : null, regex));
    Arbitrary<Command> byId =
        Gen.words()
            .flatMap(
                id ->
                    Arbitraries.of(
                        new NotifyStatus(id), new NotifyFetch(id), new NotifyRemove(id)));
    return Arbitraries.oneOf(all, list, byId);
  }
}
