package dev.atpj.cli.up;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atpj.cli.common.CliException;
import dev.atpj.protocol.AtSign;
import dev.atpj.protocol.HostPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code platform.json} says about a running private platform, for commands that talk to it.
 *
 * @param directory the atDirectory's address
 * @param caFile the CA to trust
 * @param atSigns each atSign's entry
 */
public record PlatformInfo(HostPort directory, Path caFile, Map<AtSign, Entry> atSigns) {
  /**
   * One atSign's entry.
   *
   * @param address its atServer's address
   * @param cramSecret its CRAM secret
   * @param keysFile its keys file, or null when it was not onboarded
   */
  public record Entry(HostPort address, String cramSecret, Path keysFile) {}

  /**
   * Reads the {@code platform.json} of a home folder.
   *
   * @param layout the home folder's files
   * @return the platform's description
   * @throws CliException when there is no such file (no {@code atp up} runs there) or it is invalid
   */
  public static PlatformInfo read(PlatformLayout layout) {
    return read(
        layout.platformFile(),
        "start the platform with `atp up --home "
            + layout.home()
            + "`, or name the directory with --directory");
  }

  /**
   * Reads a {@code platform.json} file.
   *
   * @param file the file
   * @param hint what to do when it is missing, shown after {@code no <file>: }
   * @return the platform's description
   * @throws CliException when there is no such file or it is invalid
   */
  public static PlatformInfo read(Path file, String hint) {
    if (!Files.isRegularFile(file)) {
      throw new CliException("no " + file + ": " + hint);
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw notPlatform(file, "not JSON" + where(e.getLocation()), e);
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !root.path("directory").isObject()) {
      throw notPlatform(file, "no \"directory\" object", null);
    }
    try {
      HostPort directory =
          new HostPort(
              root.path("directory").path("host").asText(),
              root.path("directory").path("port").asInt());
      Map<AtSign, Entry> atSigns = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = root.path("atSigns").fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        String keys = value.path("keysFile").asText(null);
        atSigns.put(
            AtSign.parse(field.getKey()),
            new Entry(
                new HostPort(value.path("host").asText(), value.path("port").asInt()),
                value.path("cramSecret").asText(),
                keys == null ? null : Path.of(keys)));
      }
      return new PlatformInfo(directory, Path.of(root.path("caFile").asText()), atSigns);
    } catch (RuntimeException e) {
      throw notPlatform(file, String.valueOf(e.getMessage()), e);
    }
  }

  private static CliException notPlatform(Path file, String problem, Throwable cause) {
    return new CliException(
        file
            + " is not a platform.json of `atp up` ("
            + problem
            + "); name another with --platform",
        cause);
  }

  private static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
