package dev.atpj.protocol.laws;

import dev.atpj.protocol.command.Command;
import dev.atpj.protocol.command.Enroll;
import dev.atpj.protocol.command.EnrollOperation;
import dev.atpj.protocol.command.Keys;
import dev.atpj.protocol.command.Otp;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of canonical {@code enroll}, {@code otp} and {@code keys} commands. */
final class ApkamGen {
  private ApkamGen() {}

  static Arbitrary<Command> apkam() {
    return Arbitraries.oneOf(enroll(), otp(), keys());
  }

  private static Arbitrary<Command> enroll() {
    Arbitrary<String> json =
        Gen.words().map(w -> "{\"enrollmentId\":\"" + w + "\",\"appName\":\"a b:c\"}");
    Arbitrary<Command> withParams =
        Combinators.combine(
                Arbitraries.of(EnrollOperation.values()), json, Arbitraries.of(true, false))
            .as(Enroll::new);
    return Arbitraries.oneOf(
        withParams, Arbitraries.just(new Enroll(EnrollOperation.LIST, null, false)));
  }

  private static Arbitrary<Command> otp() {
    Arbitrary<String> passcodes =
        Arbitraries.strings().withCharRange('A', 'Z').numeric().ofMinLength(6).ofMaxLength(12);
    Arbitrary<Long> ttls = Arbitraries.longs().between(1, Long.MAX_VALUE).injectNull(0.5);
    return Arbitraries.oneOf(
        ttls.map(t -> new Otp(false, null, t)),
        Combinators.combine(passcodes, ttls).as((p, t) -> new Otp(true, p, t)));
  }

  private static Arbitrary<Command> keys() {
    Arbitrary<String> names =
        Arbitraries.strings().alpha().numeric().withChars('_').ofMinLength(1).ofMaxLength(10);
    Arbitrary<String> keyNames =
        Gen.words().map(w -> w + ".default_enc_private_key.__manage@alice").injectNull(0.3);
    return Combinators.combine(
            Arbitraries.of(Keys.Operation.values()),
            Arbitraries.of("public", "private", "self").injectNull(0.5),
            names.injectNull(0.5),
            names.injectNull(0.6),
            names.injectNull(0.6),
            names.injectNull(0.7),
            keyNames,
            Gen.words().injectNull(0.5))
        .as(
            (op, visibility, ns, app, device, type, keyName, value) ->
                new Keys(
                    op,
                    visibility,
                    ns,
                    app,
                    device,
                    type,
                    null,
                    keyName,
                    keyName == null ? null : value));
  }
}
