package dev.atpj.client;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages of the at-client SDK depend on each other without cycles (the root package
 * included).
 */
class ArchitectureTest {
  private static final String ROOT = "dev.atpj.client";

  @Test
  void packagesAreFreeOfCycles() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    slices().matching("dev.atpj.(**)").should().beFreeOfCycles().check(classes);
  }
}
