package io.asmnet.localkafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the {@code start} command records its detached broker ({@link BrokerState} as JSON), so
 * that {@code status} and {@code stop} find it. Default location: {@code
 * ${java.io.tmpdir}/asmnet-local-kafka/<port>.json}.
 */
record StateFile(Path path) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static StateFile forPort(int port) {
    return new StateFile(
        Path.of(System.getProperty("java.io.tmpdir"), "asmnet-local-kafka", port + ".json"));
  }

  Optional<BrokerState> read() {
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(path.toFile(), BrokerState.class));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the broker state file " + path, e);
    }
  }

  void write(BrokerState state) {
    try {
      Path parent = path.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      // Write then move, so a concurrent status never reads half a file.
      Path temp = Files.createTempFile(parent, "state-", ".tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), state);
      Files.move(temp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the broker state file " + path, e);
    }
  }

  void delete() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the broker state file " + path, e);
    }
  }
}
