package io.asmnet.processor.config;

import io.asmnet.schemas.serde.WireFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * {@code serde.extra.schemas.dir}: the {@code .avsc} files of a folder, each a writer schema of
 * {@code Frame} (or {@code PoseEvent}, {@code DeadLetter}) that single-object readers accept beside
 * the compiled one, so a producer in another language may add an optional field before this
 * processor is rebuilt. Each file is checked at start: one that does not parse, names another type,
 * or cannot be read as the compiled schema is a problem naming the file.
 */
final class ExtraSchemas {
  static final String KEY = "serde.extra.schemas.dir";

  private ExtraSchemas() {}

  /** The schemas of {@code dir} in file-name order; problems are added to {@code problems}. */
  static List<Schema> load(Path dir, List<String> problems) {
    if (!Files.isDirectory(dir)) {
      problems.add(
          KEY
              + ": "
              + dir.toAbsolutePath()
              + " is not a folder (expected a folder of .avsc writer schemas)");
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".avsc")).sorted().toList();
    } catch (IOException e) {
      problems.add(KEY + ": cannot list " + dir.toAbsolutePath() + ": " + e.getMessage());
      return List.of();
    }
    if (files.isEmpty()) {
      problems.add(KEY + ": " + dir.toAbsolutePath() + " holds no .avsc file");
    }
    List<Schema> schemas = new ArrayList<>();
    for (Path file : files) {
      try {
        Schema schema = new Schema.Parser().parse(Files.readString(file));
        // One at a time, so the problem names the file that has it.
        WireFormat.singleObject(List.of(schema)).close();
        schemas.add(schema);
      } catch (IOException e) {
        problems.add(KEY + ": cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
      } catch (SchemaParseException e) {
        problems.add(
            KEY + ": " + file.toAbsolutePath() + " is not an Avro schema: " + e.getMessage());
      } catch (IllegalArgumentException e) {
        problems.add(KEY + ": " + file.toAbsolutePath() + ": " + e.getMessage());
      }
    }
    return List.copyOf(schemas);
  }
}
