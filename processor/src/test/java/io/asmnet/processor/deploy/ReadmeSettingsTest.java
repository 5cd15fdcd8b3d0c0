package io.asmnet.processor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.asmnet.processor.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's settings table states the defaults the code has ({@link ConfigLoader#knownKeys()}),
 * so the two cannot drift apart again (the pixel limit once read 3840x2160 there and 7680x4320 in
 * the code). A row is checked when its default cell holds one code-formatted value per key.
 */
class ReadmeSettingsTest {
  private static final Pattern CODE = Pattern.compile("`([^`]*)`");

  @Test
  void shouldStateTheCodesDefaultsInTheSettingsTable() throws IOException {
    Map<String, String> known = ConfigLoader.knownKeys();
    List<String> checked = new ArrayList<>();
    for (String line : Files.readAllLines(Commands.repositoryRoot().resolve("README.md"))) {
      String[] cells = line.split("\\|");
      if (cells.length < 4 || !line.startsWith("| `")) {
        continue;
      }
      List<String> keys = code(cells[1]);
      List<String> defaults = code(cells[2]);
      if (keys.isEmpty() || !known.containsKey(keys.get(0)) || defaults.size() != keys.size()) {
        continue;
      }
      for (int i = 0; i < keys.size(); i++) {
        if (!defaults.get(i).contains("$")) { // a machine-dependent default, such as $TMPDIR
          assertThat(defaults.get(i))
              .as("README default of " + keys.get(i))
              .isEqualTo(known.get(keys.get(i)));
          checked.add(keys.get(i));
        }
      }
    }
    assertThat(checked)
        .contains(
            "decode.max.pixels",
            "decode.max.payload.bytes",
            "max.batch.size",
            "topics.partitions",
            "topics.max.message.bytes");
  }

  private static List<String> code(String cell) {
    List<String> out = new ArrayList<>();
    Matcher m = CODE.matcher(cell);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
