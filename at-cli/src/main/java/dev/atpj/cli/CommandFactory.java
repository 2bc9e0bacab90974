package dev.atpj.cli;

import dev.atpj.cli.common.CliEnvironment;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates command objects, handing the {@link CliEnvironment} to those whose constructor takes it;
 * everything else is created by picocli's default factory.
 */
final class CommandFactory implements CommandLine.IFactory {
  private final CliEnvironment environment;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  CommandFactory(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      Class<?>[] parameters = constructor.getParameterTypes();
      if (parameters.length == 1 && parameters[0] == CliEnvironment.class) {
        constructor.setAccessible(true);
        return type.cast(constructor.newInstance(environment));
      }
    }
    return fallback.create(type);
  }
}
