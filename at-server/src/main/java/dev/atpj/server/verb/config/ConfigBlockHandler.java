package dev.atpj.server.verb.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.command.ConfigBlock;
import dev.atpj.server.peer.BlockList;
import dev.atpj.server.session.SessionContext;
import dev.atpj.server.verb.Reply;
import dev.atpj.server.verb.VerbHandler;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code config:block:add:<atSign> …}, {@code config:block:remove:<atSign> …}, {@code
 * config:block:show} (docs/protocol.md B13): the owner manages the atSigns whose {@code from:} is
 * refused (AT0013, connection closed). Changes answer {@code data:success} once durable; the own
 * atSign is never blocked. {@code show} answers the JSON list, or {@code data:null} when empty.
 */
public final class ConfigBlockHandler implements VerbHandler<ConfigBlock> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Reply SUCCESS = Reply.data("success");

  private final AtSign me;
  private final BlockList blockList;

  /**
   * A handler with the services it uses.
   *
   * @param me the atSign this server serves
   * @param blockList the blocked atSigns
   */
  public ConfigBlockHandler(AtSign me, BlockList blockList) {
    this.me = me;
    this.blockList = blockList;
  }

  @Override
  public Class<ConfigBlock> commandType() {
    return ConfigBlock.class;
  }

  @Override
  public CompletionStage<Reply> handle(ConfigBlock command, SessionContext session) {
    switch (command.operation()) {
      case ADD:
        List<AtSign> others = command.atSigns().stream().filter(a -> !a.equals(me)).toList();
        if (others.isEmpty()) {
          return CompletableFuture.completedFuture(SUCCESS);
        }
        return blockList.add(others).thenApply(v -> SUCCESS);
      case REMOVE:
        return blockList.remove(command.atSigns()).thenApply(v -> SUCCESS);
      default:
        return CompletableFuture.completedFuture(show(blockList.list()));
    }
  }

  private static Reply show(List<AtSign> blocked) {
    if (blocked.isEmpty()) {
      return Reply.data(null);
    }
    try {
      return Reply.data(JSON.writeValueAsString(blocked.stream().map(AtSign::toString).toList()));
    } catch (JsonProcessingException e) {
      throw new AtException(AtErrorCode.INTERNAL_SERVER_ERROR, "cannot render the block list", e);
    }
  }
}
