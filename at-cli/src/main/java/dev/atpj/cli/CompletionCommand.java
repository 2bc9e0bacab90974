package dev.atpj.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atp completion bash|zsh}: a shell completion script for every command and option. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    header = "Print a shell completion script for atp (bash or zsh).",
    description = {
      "bash: source <(atp completion bash), or save it in"
          + " ~/.local/share/bash-completion/completions/atp.",
      "zsh: source <(atp completion zsh) in ~/.zshrc (the script loads zsh's bashcompinit).",
      ""
    })
final class CompletionCommand implements Callable<Integer> {
  /** The shells a script is made for. */
  enum Shell {
    BASH,
    ZSH
  }

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    // One script serves both: it detects zsh and loads zsh's bash completion support.
    spec.commandLine().getOut().print(AutoComplete.bash("atp", spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
