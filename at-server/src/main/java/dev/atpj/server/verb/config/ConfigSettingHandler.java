package dev.atpj.server.verb.config;

import dev.atpj.protocol.command.ConfigSetting;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code config:set:<name>=<value>}, {@code config:reset:<name>}, {@code config:print:<name>}
 * (docs/protocol.md B13): the reference changes settings at run time only in its testing mode. atpj
 * has no testing mode (settings come from the configuration at start), so every such command
 * answers the reference's {@code data:testing mode disabled by default}.
 */
public final class ConfigSettingHandler implements VerbHandler<ConfigSetting> {
  private static final Reply DISABLED = Reply.data("testing mode disabled by default");

  @Override
  public Class<ConfigSetting> commandType() {
    return ConfigSetting.class;
  }

  @Override
  public CompletionStage<Reply> handle(ConfigSetting command, SessionContext session) {
    return CompletableFuture.completedFuture(DISABLED);
  }
}
