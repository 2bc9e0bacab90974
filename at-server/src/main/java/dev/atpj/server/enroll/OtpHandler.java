package dev.atpj.server.enroll;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.command.Otp;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code otp:get[:ttl:<ms>]} (docs/protocol.md B15): a fresh one-time password for a new device's
 * {@code enroll:request}, {@code data:<otp>}; it works once, for five minutes unless a ttl is
 * given. The session layer has already required authentication. {@code otp:put} (a semi-permanent
 * passcode) is not supported and answers AT0003 saying so.
 */
public final class OtpHandler implements VerbHandler<Otp> {
  private final OneTimePasswords passwords;

  /**
   * A handler.
   *
   * @param passwords the live passwords
   */
  public OtpHandler(OneTimePasswords passwords) {
    this.passwords = passwords;
  }

  @Override
  public Class<Otp> commandType() {
    return Otp.class;
  }

  @Override
  public CompletionStage<Reply> handle(Otp command, SessionContext session) {
    if (command.put()) {
      throw new AtException(
          AtErrorCode.INVALID_SYNTAX, "otp:put (semi-permanent passcodes) is not supported yet");
    }
    Duration lifetime =
        command.ttlMillis() == null
            ? OneTimePasswords.DEFAULT_LIFETIME
            : Duration.ofMillis(command.ttlMillis());
    return CompletableFuture.completedFuture(Reply.data(passwords.issue(lifetime)));
  }
}
