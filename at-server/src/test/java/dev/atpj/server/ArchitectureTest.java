package dev.atpj.server;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the atServer's packages, from the bottom: {@code runtime} (where background work
 * runs); the services ({@code data}, {@code auth}, {@code cache}, {@code peer}, {@code notify},
 * {@code stats}, {@code sync}, {@code metrics}, {@code ops}, {@code config}) and {@code session}
 * (what they and the handlers see of a connection); {@code verb} (the handler contract) and its
 * handler packages; {@code connection} (the session that runs handlers); the start-up package
 * {@code dev.atpj.server}, which builds everything; and {@code config}, which reads the
 * configuration file into the start-up package's {@code AtServerConfig}. Nothing else imports
 * start-up.
 */
class ArchitectureTest {
  private static final String ROOT = "dev.atpj.server";
  private static final String[] SERVICES = {
    ROOT + ".auth..",
    ROOT + ".cache..",
    ROOT + ".config..",
    ROOT + ".data..",
    ROOT + ".metrics..",
    ROOT + ".notify..",
    ROOT + ".ops..",
    ROOT + ".peer..",
    ROOT + ".runtime..",
    ROOT + ".session..",
    ROOT + ".stats..",
    ROOT + ".sync.."
  };

  private static JavaClasses server;

  @BeforeAll
  static void importServer() {
    server =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(server);
  }

  @Test
  void onlyTheConfigurationFileReaderImportsStartUp() {
    noClasses()
        .that()
        .resideOutsideOfPackages(ROOT, ROOT + ".config..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT)
        .check(server);
  }

  @Test
  void verbsNeverReachTheConnectionOrStartUp() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".verb..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT, ROOT + ".connection..")
        .check(server);
  }

  @Test
  void servicesNeverReachVerbsOrTheConnection() {
    noClasses()
        .that()
        .resideInAnyPackage(SERVICES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".verb..", ROOT + ".connection..")
        .check(server);
  }

  @Test
  void runtimeStandsOnItsOwn() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".runtime..")
        .should()
        .onlyDependOnClassesThat()
        .resideOutsideOfPackage(ROOT + "..")
        .orShould()
        .onlyDependOnClassesThat()
        .resideInAPackage(ROOT + ".runtime..")
        .check(server);
  }

  @Test
  void handlerPackagesShareOnlyThePeerHelpers() {
    slices()
        .matching(ROOT + ".verb.(*)..")
        .should()
        .notDependOnEachOther()
        .ignoreDependency(alwaysTrue(), resideInAPackage(ROOT + ".verb.peer"))
        .check(server);
  }
}
