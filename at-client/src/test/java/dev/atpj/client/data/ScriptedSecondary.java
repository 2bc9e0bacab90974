package dev.atpj.client.data;

import dev.atpj.client.internal.Secondary;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.command.Command;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A secondary that answers commands from a script: the exact command text to its answer; anything
 * else is {@code AT0015}, except updates, which are answered with a commit id. Records every
 * command.
 */
public final class ScriptedSecondary implements Secondary {
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final List<String> sent = new CopyOnWriteArrayList<>();

  public ScriptedSecondary answer(String command, String payload) {
    answers.put(command, payload);
    return this;
  }

  public List<String> sent() {
    return sent;
  }

  @Override
  public String execute(Command command) {
    String text = command.render();
    sent.add(text);
    String answer = answers.get(text);
    if (answer != null) {
      return answer;
    }
    if (text.startsWith("update")) {
      return Integer.toString(sent.size());
    }
    throw new AtException(AtErrorCode.KEY_NOT_FOUND, text + " is not scripted");
  }
}
