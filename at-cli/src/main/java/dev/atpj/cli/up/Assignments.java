package dev.atpj.cli.up;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atpj.cli.common.CliException;
import dev.atpj.pki.AtomicFiles;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.AtSign;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code atp up} remembers between runs ({@code assignments.json}, owner-only): each atSign's
 * slot (which gives its loopback address and default port), the port it last used and its CRAM
 * secret, plus the directory's last port. Nothing here is ever reassigned, so restarts are stable
 * and a new atSign never disturbs the others.
 */
final class Assignments {
  /** Bytes of a new CRAM secret (rendered as hex). */
  static final int SECRET_BYTES = 64;

  private final Path file;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Map<AtSign, Assignment> atSigns = new TreeMap<>();
  private int directoryPort;

  /**
   * One atSign's assignment.
   *
   * @param slot from 1; never reused by another atSign
   * @param port the port it listened on last time, 0 before its first start
   * @param cramSecret its CRAM secret, hex
   */
  record Assignment(int slot, int port, String cramSecret) {
    Assignment withPort(int newPort) {
      return new Assignment(slot, newPort, cramSecret);
    }
  }

  private Assignments(Path file) {
    this.file = file;
  }

  /** Reads the file; a missing file means nothing is assigned yet. */
  static Assignments load(Path file) {
    Assignments assignments = new Assignments(file);
    if (!Files.exists(file)) {
      return assignments;
    }
    try {
      JsonNode root = assignments.json.readTree(file.toFile());
      assignments.directoryPort = root.path("directoryPort").asInt(0);
      var fields = root.path("atSigns").fields();
      while (fields.hasNext()) {
        var entry = fields.next();
        JsonNode value = entry.getValue();
        Assignment assignment =
            new Assignment(
                value.path("slot").asInt(),
                value.path("port").asInt(0),
                value.path("cramSecret").asText(""));
        if (assignment.slot() < 1 || assignment.cramSecret().isEmpty()) {
          throw new IOException("the entry of " + entry.getKey() + " lacks a slot or secret");
        }
        assignments.atSigns.put(AtSign.parse(entry.getKey()), assignment);
      }
      return assignments;
    } catch (IOException | AtException e) {
      throw new CliException(
          "cannot read " + file + " (" + e.getMessage() + "); fix or remove it", e);
    }
  }

  /** The assignment of an atSign, if it has one. */
  Optional<Assignment> find(AtSign atSign) {
    return Optional.ofNullable(atSigns.get(atSign));
  }

  /** Every assignment, sorted by atSign. */
  Map<AtSign, Assignment> all() {
    return Map.copyOf(atSigns);
  }

  /** The assignment of an atSign, made now (next free slot, new secret) if it has none. */
  Assignment assign(AtSign atSign, SecureRandom random) {
    return atSigns.computeIfAbsent(atSign, a -> new Assignment(nextSlot(), 0, newSecret(random)));
  }

  /** Records the port an atSign's server listens on. */
  void recordPort(AtSign atSign, int port) {
    atSigns.computeIfPresent(atSign, (a, old) -> old.withPort(port));
  }

  /** The directory's last port, 0 when none. */
  int directoryPort() {
    return directoryPort;
  }

  /** Records the directory's port. */
  void recordDirectoryPort(int port) {
    directoryPort = port;
  }

  /** Writes the file atomically, owner-only. */
  void save() throws IOException {
    ObjectNode root = json.createObjectNode();
    root.put("directoryPort", directoryPort);
    ObjectNode entries = root.putObject("atSigns");
    atSigns.forEach(
        (atSign, a) ->
            entries
                .putObject(atSign.toString())
                .put("slot", a.slot())
                .put("port", a.port())
                .put("cramSecret", a.cramSecret()));
    AtomicFiles.writeString(file, json.writeValueAsString(root) + "\n", AtomicFiles.OWNER_ONLY);
  }

  private int nextSlot() {
    int slot = 1;
    while (isUsed(slot)) {
      slot++;
    }
    return slot;
  }

  private boolean isUsed(int slot) {
    return atSigns.values().stream().anyMatch(a -> a.slot() == slot);
  }

  static String newSecret(SecureRandom random) {
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
