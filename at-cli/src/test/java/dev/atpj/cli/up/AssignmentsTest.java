package dev.atpj.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atpj.cli.common.CliException;
import dev.atpj.cli.up.Assignments.Assignment;
import dev.atpj.protocol.AtSign;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssignmentsTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtSign ALICE = AtSign.parse("@alice");
  private static final AtSign BOB = AtSign.parse("@bob");
  private static final AtSign COLIN = AtSign.parse("@colin");

  @TempDir Path dir;

  @Test
  void slotsAndSecretsAreAssignedOnceAndSurviveAReload() throws Exception {
    Path file = dir.resolve("assignments.json");
    Assignments first = Assignments.load(file);
    Assignment alice = first.assign(ALICE, RANDOM);
    Assignment bob = first.assign(BOB, RANDOM);
    first.recordPort(ALICE, 47001);
    first.recordDirectoryPort(46464);
    first.save();
    assertThat(alice.slot()).isEqualTo(1);
    assertThat(bob.slot()).isEqualTo(2);
    assertThat(alice.cramSecret()).matches("[0-9a-f]{128}").isNotEqualTo(bob.cramSecret());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");

    Assignments second = Assignments.load(file);
    assertThat(second.assign(ALICE, RANDOM)).isEqualTo(alice.withPort(47001));
    assertThat(second.assign(COLIN, RANDOM).slot()).isEqualTo(3);
    assertThat(second.directoryPort()).isEqualTo(46464);
  }

  @Test
  void aBrokenFileIsAClearError() throws Exception {
    Path file = dir.resolve("assignments.json");
    Files.writeString(file, "{\"atSigns\":{\"@alice\":{\"port\":1}}}");
    assertThatThrownBy(() -> Assignments.load(file))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("fix or remove it");
  }
}
