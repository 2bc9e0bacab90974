package dev.atpj.protocol.laws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atpj.protocol.command.Command;
import dev.atpj.protocol.command.CommandParser;
import dev.atpj.protocol.command.Invalid;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The round-trip law for commands of every verb, plus parse(render(c)) == c. */
class CommandRoundtripTest implements RoundtripLaw<Command> {
  private final CommandParser parser = new CommandParser();

  @Override
  public Command parse(String text) {
    return parser.parse(text);
  }

  @Override
  public String render(Command value) {
    return value.render();
  }

  @Override
  @Provide
  public Arbitrary<String> canonical() {
    return CommandGen.any().map(Command::render);
  }

  @Provide
  Arbitrary<Command> commands() {
    return CommandGen.any();
  }

  @Property(tries = 1500)
  void parseOfRenderIsIdentity(@ForAll("commands") Command command) {
    Command parsed = parser.parse(command.render());
    assertThat(parsed).isNotInstanceOf(Invalid.class);
    assertThat(parsed).isEqualTo(command);
  }
}
