package dev.atpj.cli.bench;

import dev.atpj.bench.BenchRunner;
import dev.atpj.bench.BenchRunner.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Target names on the command line: every {@link Target} of at-bench in lower case with dashes
 * ({@code directory}, {@code owner-read}, {@code redis}, …), plus {@code compare} ({@link
 * BenchRunner#COMPARISON}) and {@code all}.
 */
final class BenchTargets {
  static final String COMPARE = "compare";
  static final String ALL = "all";

  private BenchTargets() {}

  /** The command-line name of a target. */
  static String name(Target target) {
    return target.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Every name accepted. */
  static List<String> names() {
    List<String> names = new ArrayList<>();
    Arrays.stream(Target.values()).map(BenchTargets::name).forEach(names::add);
    names.add(COMPARE);
    names.add(ALL);
    return names;
  }

  /** The targets named, in order, each once; {@code compare} when none are. */
  static List<Target> resolve(List<String> given) {
    Set<Target> targets = new LinkedHashSet<>();
    for (String name : given == null || given.isEmpty() ? List.of(COMPARE) : given) {
      switch (name) {
        case COMPARE -> targets.addAll(BenchRunner.COMPARISON);
        case ALL -> targets.addAll(Arrays.asList(Target.values()));
        default -> targets.add(Target.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_')));
      }
    }
    return List.copyOf(targets);
  }

  /** Checks a name and writes it in canonical form. */
  static final class Converter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String name = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
      if (!names().contains(name)) {
        throw new TypeConversionException(
            "unknown target '" + value + "'; choose from " + String.join(", ", names()));
      }
      return name;
    }
  }

  /** Names for shell completion and help. */
  static final class Candidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return names().iterator();
    }
  }
}
