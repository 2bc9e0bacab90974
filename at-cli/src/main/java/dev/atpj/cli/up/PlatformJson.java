package dev.atpj.cli.up;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atpj.cli.up.PrivatePlatform.RunningAtSign;
import dev.atpj.pki.AtomicFiles;
import dev.atpj.protocol.AtSign;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes {@code platform.json}, the file other tools read once {@code atp up} is ready:
 *
 * <pre>{@code
 * {"directory": {"host": "127.0.0.1", "port": 46464},
 *  "caFile": "/abs/DIR/pki/ca.pem",
 *  "atSigns": {"@alice": {"host": "127.0.0.2", "port": 47001, "cramSecret": "<hex>",
 *                         "keysFile": "/abs/DIR/keys/@alice_key.atKeys"}},
 *  "metricsUrl": "http://127.0.0.1:9464/metrics"}
 * }</pre>
 *
 * <p>{@code metricsUrl} is there only with {@code up --metrics}.
 *
 * <p>{@code up} writes it only once every atSign is onboarded. The file is replaced atomically
 * (temp file and rename) and readable by its owner only, since it holds secrets.
 */
final class PlatformJson {
  private PlatformJson() {}

  static void write(PrivatePlatform platform, Map<AtSign, Path> keysFiles, String metricsUrl)
      throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.putObject("directory")
        .put("host", platform.directoryAddress().host())
        .put("port", platform.directoryAddress().port());
    root.put("caFile", platform.caFile().toAbsolutePath().toString());
    ObjectNode atSigns = root.putObject("atSigns");
    for (RunningAtSign served : platform.atSigns()) {
      ObjectNode entry =
          atSigns
              .putObject(served.atSign().toString())
              .put("host", served.address().host())
              .put("port", served.address().port())
              .put("cramSecret", served.cramSecret());
      Path keys = keysFiles.get(served.atSign());
      if (keys != null) {
        entry.put("keysFile", keys.toAbsolutePath().toString());
      }
    }
    if (metricsUrl != null) {
      root.put("metricsUrl", metricsUrl);
    }
    AtomicFiles.writeString(
        platform.layout().platformFile(),
        json.writeValueAsString(root) + "\n",
        AtomicFiles.OWNER_ONLY);
  }
}
