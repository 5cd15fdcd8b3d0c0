package io.asmnet.cli.clip;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything known about a built clip: its spec, its photo segments and, per frame, the exact
 * landmarks, boxes and pose of every face. Written as {@code ground-truth.json} next to the clip;
 * read back with {@link #read(Path)}.
 *
 * @param spec the spec the clip was built with
 * @param segments the photos, in clip order
 * @param frames one per frame, in sequence order (sequence = list index)
 */
public record GroundTruth(ClipSpec spec, List<Segment> segments, List<TruthFrame> frames) {
  public GroundTruth {
    if (spec == null) {
      throw new IllegalArgumentException("spec is required");
    }
    segments = List.copyOf(segments);
    frames = List.copyOf(frames);
    for (int i = 0; i < frames.size(); i++) {
      if (frames.get(i).sequence() != i) {
        throw new IllegalArgumentException(
            "frame " + i + " has sequence " + frames.get(i).sequence());
      }
    }
  }

  /** The frame with this sequence, or null when the clip has none. */
  public TruthFrame frame(long sequence) {
    return sequence >= 0 && sequence < frames.size() ? frames.get((int) sequence) : null;
  }

  /** Total number of true faces over all frames. */
  public int faceCount() {
    return frames.stream().mapToInt(f -> f.faces().size()).sum();
  }

  /** Writes this as indented JSON (parent folders are created). */
  public void write(Path json) throws IOException {
    Path parent = json.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    mapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), this);
  }

  /**
   * Reads a ground-truth file written by {@link #write(Path)}.
   *
   * @throws IOException when the file is missing, not JSON, or fails validation (the message says
   *     which)
   */
  public static GroundTruth read(Path json) throws IOException {
    if (!Files.isRegularFile(json)) {
      throw new IOException("no ground-truth file at " + json);
    }
    try {
      return mapper().readValue(json.toFile(), GroundTruth.class);
    } catch (IOException e) {
      throw new IOException("cannot read ground truth " + json + ": " + e.getMessage(), e);
    }
  }

  private static ObjectMapper mapper() {
    return new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
